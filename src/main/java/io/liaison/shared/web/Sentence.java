package io.liaison.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A text in the reader's language whose names link to where the reader may open them, as the
 * fragment {@code layout/sentence :: parts} renders it: "王芳 handed the contact to 李娜" with both
 * names as links.
 */
public record Sentence(List<Part> parts) {

    /** A run of text; a name the reader may open has a link. */
    public record Part(String text, @Nullable String href) {

        public static Part plain(String text) {
            return new Part(text, null);
        }
    }

    private static final Pattern SLOT = Pattern.compile("\uE000(\\d+)\uE001");

    /**
     * The message {@code key} with its arguments in place; a {@link Part} argument keeps its link and a
     * list of parts is joined as the language enumerates ({@code list.separator}: 、 or a comma).
     */
    public static Sentence of(MessageSource messages, Locale locale, String key, Object... args) {
        List<List<Part>> slots = new ArrayList<>();
        Object[] marked = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Part part) {
                marked[i] = slot(slots, List.of(part));
            } else if (args[i] instanceof List<?> list && list.stream().allMatch(Part.class::isInstance)) {
                marked[i] = slot(
                        slots,
                        joined(
                                messages,
                                locale,
                                list.stream().map(Part.class::cast).toList()));
            } else {
                marked[i] = args[i];
            }
        }
        String text = messages.getMessage(key, marked, locale);
        List<Part> parts = new ArrayList<>();
        Matcher m = SLOT.matcher(text);
        int from = 0;
        while (m.find()) {
            if (m.start() > from) {
                parts.add(Part.plain(text.substring(from, m.start())));
            }
            parts.addAll(slots.get(Integer.parseInt(m.group(1))));
            from = m.end();
        }
        if (from < text.length()) {
            parts.add(Part.plain(text.substring(from)));
        }
        return new Sentence(List.copyOf(parts));
    }

    /** The parts with the language's enumeration separator between them. */
    public static List<Part> joined(MessageSource messages, Locale locale, List<Part> items) {
        String separator = messages.getMessage("list.separator", null, locale);
        List<Part> parts = new ArrayList<>();
        for (Part item : items) {
            if (!parts.isEmpty()) {
                parts.add(Part.plain(separator));
            }
            parts.add(item);
        }
        return parts;
    }

    /** The sentence as plain text. */
    public String text() {
        return text(parts);
    }

    /** The parts as plain text. */
    public static String text(List<Part> parts) {
        return parts.stream().map(Part::text).collect(Collectors.joining());
    }

    private static String slot(List<List<Part>> slots, List<Part> parts) {
        slots.add(parts);
        return "\uE000" + (slots.size() - 1) + "\uE001";
    }
}
