package io.liaison.review.web;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The side-by-side view of contacts to merge: a row per field with each contact's value (as the
 * viewer may see it), the contact whose value is chosen at first, and what the merge unites.
 */
record MergeView(
        List<Contact> contacts,
        List<FieldRow> rows,
        List<String> tags,
        List<String> phones,
        List<String> emails,
        List<String> externalIds,
        Map<UUID, Integer> followUps) {

    /** A field's values, one per contact; {@code differs} when there is a choice to make. */
    record FieldRow(String field, String label, List<String> values, boolean differs, UUID chosen) {}

    static MergeView of(
            List<Contact> contacts,
            Map<String, String> customLabels,
            Map<UUID, String> tagNames,
            Map<UUID, Integer> followUps,
            MessageSource messages,
            Locale locale) {
        List<FieldRow> rows = new ArrayList<>();
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        row(rows, contacts, "name", label.apply("field.displayName"), ContactDraft::name);
        row(rows, contacts, "mobile", label.apply("field.mobile"), ContactDraft::mobile);
        row(rows, contacts, "company", label.apply("field.company"), ContactDraft::company);
        row(rows, contacts, "title", label.apply("field.title"), ContactDraft::title);
        row(rows, contacts, "address", label.apply("field.address"), ContactDraft::address);
        row(rows, contacts, "remark", label.apply("field.remark"), ContactDraft::remark);
        row(
                rows,
                contacts,
                "gender",
                label.apply("field.gender"),
                d -> d.gender() == null ? null : messages.getMessage("gender." + d.gender(), null, d.gender(), locale));
        row(
                rows,
                contacts,
                "birthday",
                label.apply("field.birthday"),
                d -> d.birthday() == null ? null : d.birthday().toString());
        Set<String> keys = new LinkedHashSet<>();
        contacts.forEach(c -> keys.addAll(c.fields().customFields().keySet()));
        for (String key : keys) {
            row(
                    rows,
                    contacts,
                    "customFields." + key,
                    customLabels.getOrDefault(key, key),
                    d -> shown(d.customFields().get(key)));
        }
        Set<String> tags = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        for (Contact c : contacts) {
            ContactDraft d = c.fields();
            d.tagIds().forEach(t -> tags.add(tagNames.getOrDefault(t, "—")));
            if (d.mobile() != null) {
                phones.add(d.mobile());
            }
            d.phones().forEach(p -> phones.add(p.number()));
            d.emails().forEach(e -> emails.add(e.address()));
            d.externalIds().forEach((source, id) -> externalIds.add(source + ": " + id));
        }
        return new MergeView(
                contacts,
                rows,
                List.copyOf(tags),
                List.copyOf(phones),
                List.copyOf(emails),
                List.copyOf(externalIds),
                followUps);
    }

    private static void row(
            List<FieldRow> rows,
            List<Contact> contacts,
            String field,
            String label,
            Function<ContactDraft, @Nullable String> value) {
        List<String> values = new ArrayList<>();
        UUID chosen = null;
        for (Contact c : contacts) {
            String v = value.apply(c.fields());
            values.add(v == null ? "" : v);
            if (chosen == null && v != null && !v.isBlank()) {
                chosen = c.id();
            }
        }
        boolean differs = new LinkedHashSet<>(values).size() > 1;
        if (chosen != null || differs) {
            rows.add(new FieldRow(
                    field,
                    label,
                    values,
                    differs,
                    Objects.requireNonNullElse(chosen, contacts.get(0).id())));
        }
    }

    private static @Nullable String shown(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof List<?> list
                ? String.join("、", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
