package io.liaison.contact.web;

import io.liaison.contact.search.SearchText;
import io.liaison.shared.Pinyin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where a search query matched a name or a company, as parts of the text the template wraps in
 * {@code <mark>} one by one, escaping each: never markup built from user data. A name is marked
 * where the normalised query occurs in it ({@code "zhang san"} in {@code Zhang San}), else on the
 * leading characters whose pinyin or initials the query covers ({@code zhang} and {@code zs} mark
 * 张 and 张三 of 张三); a company where the query occurs in it.
 */
final class MatchMarks {

    /** A run of the text, matched or not. */
    record Part(String text, boolean marked) {}

    private final String query;

    MatchMarks(@Nullable String q) {
        this.query = q == null ? "" : SearchText.normalize(q);
    }

    public List<Part> name(String name) {
        Normalized text = Normalized.of(name);
        int at = query.isEmpty() ? -1 : text.flat.indexOf(query);
        if (at >= 0) {
            return text.marked(at, at + query.length());
        }
        int end = leading(name, Pinyin::spellings);
        if (end < 0) {
            end = leading(name, Pinyin::initials);
        }
        return end < 0 ? List.of(new Part(name, false)) : split(name, 0, end);
    }

    public List<Part> text(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        Normalized normalized = Normalized.of(text);
        int at = query.isEmpty() ? -1 : normalized.flat.indexOf(query);
        return at < 0 ? List.of(new Part(text, false)) : normalized.marked(at, at + query.length());
    }

    /**
     * The end of the shortest run of leading characters one of whose spellings starts with the
     * query, or -1 when no spelling of the whole name does.
     */
    private int leading(String name, Function<String, List<String>> spellings) {
        if (query.isEmpty() || spellings.apply(name).stream().noneMatch(s -> s.startsWith(query))) {
            return -1;
        }
        for (int end = name.offsetByCodePoints(0, 1); ; end = name.offsetByCodePoints(end, 1)) {
            if (end >= name.length()
                    || spellings.apply(name.substring(0, end)).stream().anyMatch(s -> s.startsWith(query))) {
                return Math.min(end, name.length());
            }
        }
    }

    private static List<Part> split(String text, int from, int to) {
        List<Part> parts = new ArrayList<>(3);
        if (from > 0) {
            parts.add(new Part(text.substring(0, from), false));
        }
        parts.add(new Part(text.substring(from, to), true));
        if (to < text.length()) {
            parts.add(new Part(text.substring(to), false));
        }
        return parts;
    }

    /** Text normalised as search keys are, each normalised char knowing the original chars it came from. */
    private record Normalized(String original, String flat, int[] starts, int[] ends) {

        static Normalized of(String original) {
            StringBuilder flat = new StringBuilder();
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < original.length(); ) {
                int next = original.offsetByCodePoints(i, 1);
                String piece = SearchText.normalize(original.substring(i, next));
                for (int k = 0; k < piece.length(); k++) {
                    spans.add(new int[] {i, next});
                }
                flat.append(piece);
                i = next;
            }
            int[] starts = spans.stream().mapToInt(s -> s[0]).toArray();
            int[] ends = spans.stream().mapToInt(s -> s[1]).toArray();
            return new Normalized(original, flat.toString(), starts, ends);
        }

        List<Part> marked(int from, int to) {
            return split(original, starts[from], ends[to - 1]);
        }
    }
}
