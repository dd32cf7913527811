package io.liaison.shared.web;

import io.liaison.shared.RecordNames;
import io.liaison.shared.web.Sentence.Part;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A recorded value in the reader's words, for the audit log and a contact's timeline: ids as the
 * names they had (linked where the reader may open them), yes and no, enumerations by their labels,
 * field names by their labels, lists enumerated as the language does (手机、邮箱), phones and e-mails
 * by their numbers and addresses.
 */
@Component
public class ValueWords {

    /** The message prefixes of fields whose values are codes: {@code gender=male} reads 男. */
    private static final Map<String, List<String>> CODES = Map.of(
            "gender", List.of("gender."),
            "dataScope", List.of("scope."),
            "role", List.of("role."),
            "type", List.of("followUp.type.", "customFields.type."),
            "permissions", List.of("permission."),
            "locale", List.of("language."));

    /** A time as JSON keeps it, such as a contact's {@code trashedAt}. */
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private final MessageSource messages;

    ValueWords(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * How a reader sees the ids of one record: {@code names} as kept with it, {@code fieldLabels} the
     * organization's custom fields' labels by key, {@code kindOf} the kind
     * of record a field's ids are ({@code member}, {@code department}, {@code tag}, {@code contact}) or
     * {@code null}, {@code href} where the reader may open a record of a kind, or {@code null}.
     */
    public record Reading(
            Locale locale,
            Map<String, String> names,
            Map<String, String> fieldLabels,
            java.util.function.Function<String, @Nullable String> kindOf,
            java.util.function.BiFunction<String, UUID, @Nullable String> href) {}

    /** The label of a field: {@code audit.field.*}, else {@code field.*}, else the field as written. */
    public String label(Locale locale, String field) {
        String label = messages.getMessage("audit.field." + field, null, null, locale);
        if (label == null) {
            label = messages.getMessage("field." + field, null, field, locale);
        }
        return label == null ? field : label;
    }

    /** A record by the name it had, linked if the reader may open it; one no longer known is said to be deleted. */
    public Part name(Reading r, String kind, @Nullable Object value) {
        UUID id = RecordNames.id(value);
        String name = id == null ? null : r.names().get(id.toString());
        if (id == null || name == null) {
            return Part.plain(messages.getMessage("names.deleted." + kind, null, text("names.deleted", r), r.locale()));
        }
        return new Part(name, r.href().apply(kind, id));
    }

    /** The value of {@code field} in words; nothing reads as the language's "empty". */
    public List<Part> value(Reading r, String field, @Nullable Object value) {
        if (value == null
                || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())
                || (value instanceof String s && s.isEmpty())) {
            return List.of(Part.plain(text("contacts.empty", r)));
        }
        if (value instanceof Collection<?> list) {
            List<Part> items = new ArrayList<>();
            for (Object item : list) {
                List<Part> parts = value(r, field, item);
                items.add(parts.size() == 1 ? parts.get(0) : Part.plain(Sentence.text(parts)));
            }
            return Sentence.joined(messages, r.locale(), items);
        }
        if (value instanceof Map<?, ?> map) {
            return List.of(Part.plain(map(r, map)));
        }
        if (value instanceof Boolean yes) {
            return List.of(Part.plain(text(yes ? "values.yes" : "values.no", r)));
        }
        String kind = r.kindOf().apply(field);
        if (kind != null && RecordNames.id(value) != null) {
            return List.of(name(r, kind, value));
        }
        String text = String.valueOf(value);
        if (TIMESTAMP.matcher(text).matches()) {
            return List.of(
                    Part.plain(ViewerTimes.dateTime(OffsetDateTime.parse(text), ViewerTimes.zone(), r.locale())));
        }
        if ("fields".equals(field)) {
            return List.of(Part.plain(label(r.locale(), text)));
        }
        for (String prefix : CODES.getOrDefault(field, List.of())) {
            String word = messages.getMessage(prefix + text, null, null, r.locale());
            if (word != null) {
                return List.of(Part.plain(word));
            }
        }
        String word = messages.getMessage("audit.value." + text, null, null, r.locale());
        return List.of(Part.plain(word == null ? text : word));
    }

    /** A phone or e-mail by its number or address; other maps as "label：value" pairs. */
    private String map(Reading r, Map<?, ?> map) {
        Object main = map.containsKey("address") ? map.get("address") : map.get("number");
        if (main != null) {
            return String.valueOf(main);
        }
        List<Part> pairs = new ArrayList<>();
        map.forEach((key, item) -> pairs.add(Part.plain(messages.getMessage(
                "values.pair",
                new Object[] {
                    r.fieldLabels().getOrDefault(String.valueOf(key), label(r.locale(), String.valueOf(key))),
                    Sentence.text(value(r, String.valueOf(key), item))
                },
                r.locale()))));
        return Sentence.text(Sentence.joined(messages, r.locale(), pairs));
    }

    /** The message {@code key} in the reader's language. */
    public String text(String key, Reading r) {
        return messages.getMessage(key, null, r.locale());
    }
}
