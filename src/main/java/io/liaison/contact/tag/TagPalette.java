package io.liaison.contact.tag;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The colours a tag group gets when it is created without one: the first of the palette that no
 * group has, and once every one is taken, the one fewest groups have, so that the palette cycles.
 */
final class TagPalette {

    /** Clear, distinct colours that white tag text reads well on; the defaults' three come first. */
    static final List<String> COLORS = List.of(
            "#2563EB", "#D97706", "#059669", "#DC2626", "#7C3AED", "#DB2777", "#0891B2", "#65A30D", "#EA580C",
            "#4F46E5", "#0D9488", "#C026D3");

    private TagPalette() {}

    static String next(Collection<String> used) {
        String best = COLORS.get(0);
        long fewest = Long.MAX_VALUE;
        for (String color : COLORS) {
            long uses = used.stream()
                    .filter(u -> u.toUpperCase(Locale.ROOT).equals(color))
                    .count();
            if (uses < fewest) {
                best = color;
                fewest = uses;
            }
        }
        return best;
    }
}
