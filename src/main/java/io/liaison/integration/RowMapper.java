package io.liaison.integration;

import io.liaison.contact.ContactImport;
import io.liaison.contact.CustomField;
import io.liaison.shared.InvalidValue;
import io.liaison.shared.Message;
import io.liaison.shared.PhoneNumbers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the cells of a record into the body of a contact as the API takes it, by the column
 * mapping: lists split at their separators, tags and owners looked up by name, gender and dates in
 * the forms people type them. An empty cell is left out, so that an update keeps that field. A
 * phone written {@code 手机: 138 0013 8000} keeps its label; when the file has no mobile column
 * (or a card no number typed CELL), the first phone that is a mobile number becomes the mobile.
 */
final class RowMapper {

    /** Separators of tags: , ， ; ； | 、 and line breaks. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,，;；|、\\n]");

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，;；、\\n]");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[\\s,，;；、]+");
    private static final Pattern ANGLE_EMAIL = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>");
    private static final Pattern LABELLED_PHONE = Pattern.compile("([^\\d+(:：][^:：]{0,39})[:：]\\s*(.+)");
    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private final ColumnMapping mapping;
    private final Directory directory;
    private final @Nullable UUID defaultOwner;
    private final boolean promoteMobile;

    RowMapper(ColumnMapping mapping, Directory directory, @Nullable UUID defaultOwner, String format) {
        this.mapping = mapping;
        this.directory = directory;
        this.defaultOwner = defaultOwner;
        this.promoteMobile = !mapping.maps("mobile") || format.equals(ImportFormat.VCARD);
    }

    /**
     * The body; a cell that cannot be read (an unknown tag or owner) is an {@link
     * InvalidValue} saying which, or when {@code lenient}, left out with a note.
     */
    ContactImport.Row map(Sheet.Record record, boolean lenient) {
        List<Message> notes = new ArrayList<>();
        if (record.note() != null) {
            notes.add(record.note());
        }
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        Map<String, Object> external = new LinkedHashMap<>();
        List<Map<String, String>> phones = new ArrayList<>();
        List<String> cells = record.cells();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i).strip();
            String target = mapping.target(i);
            if (value.isEmpty() || target.isEmpty()) {
                continue;
            }
            try {
                put(body, custom, external, phones, target, value);
            } catch (InvalidValue e) {
                if (!lenient) {
                    throw e;
                }
                notes.add(Message.of("import.note.left-out", label(target), e.rule()));
            }
        }
        if (promoteMobile && !body.containsKey("mobile")) {
            promoteMobile(body, phones);
        }
        if (!phones.isEmpty()) {
            body.put("phones", phones);
        }
        if (!custom.isEmpty()) {
            body.put("customFields", custom);
        }
        if (!external.isEmpty()) {
            body.put("externalIds", external);
        }
        if (!body.containsKey("ownerId") && defaultOwner != null) {
            body.put("ownerId", defaultOwner.toString());
        }
        return new ContactImport.Row(
                record.number(),
                body,
                notes.stream()
                        .reduce((a, b) -> Message.of("import.note.more", a, b))
                        .orElse(null));
    }

    private void put(
            Map<String, @Nullable Object> body,
            Map<String, Object> custom,
            Map<String, Object> external,
            List<Map<String, String>> phones,
            String target,
            String value) {
        switch (target) {
            case "name", "company", "title", "address", "remark" -> body.put(target, value);
            case "mobile" -> {
                List<String> numbers = split(LIST_SEPARATORS, value);
                body.put("mobile", numbers.get(0));
                numbers.subList(1, numbers.size())
                        .forEach(n -> phones.add(Map.of("label", directory.phoneLabel("mobile"), "number", n)));
            }
            case "phone" -> split(LIST_SEPARATORS, value).forEach(n -> phones.add(phone(n)));
            case "email" -> body.put("emails", emails(value));
            case "tags" -> body.put("tagIds", tags(value));
            case "owner" -> body.put("ownerId", directory.member(value).toString());
            case "gender" -> body.put("gender", gender(value));
            case "birthday" -> body.put("birthday", date(value));
            case "avatar" -> body.put("avatarUrl", value);
            default -> {
                if (target.startsWith("custom:")) {
                    custom.put(target.substring(7), custom(target.substring(7), value));
                } else if (target.startsWith("externalId:")) {
                    external.put(target.substring(11), value);
                }
            }
        }
    }

    /** {@code 手机: 138 0013 8000} as a labelled number, {@code 010 6552 9988} as a number. */
    private Map<String, String> phone(String text) {
        Matcher labelled = LABELLED_PHONE.matcher(text);
        if (labelled.matches() && !labelled.group(1).isBlank()) {
            return Map.of(
                    "label",
                    directory.phoneLabel(labelled.group(1)),
                    "number",
                    labelled.group(2).strip());
        }
        return Map.of("number", text);
    }

    /** A cell of phones as the preview shows it: each label as {@link #phone} will store it. */
    String phonesShown(String cell) {
        List<String> lines = new ArrayList<>();
        for (String line : cell.split("\n", -1)) {
            Map<String, String> phone = phone(line);
            lines.add(phone.containsKey("label") ? phone.get("label") + ": " + phone.get("number") : line);
        }
        return String.join("\n", lines);
    }

    /** The first phone libphonenumber reads as a mobile of the organization's region, moved to the mobile. */
    private void promoteMobile(Map<String, @Nullable Object> body, List<Map<String, String>> phones) {
        for (int i = 0; i < phones.size(); i++) {
            if (PhoneNumbers.isMobile(phones.get(i).get("number"), directory.phoneRegion())) {
                body.put("mobile", phones.remove(i).get("number"));
                return;
            }
        }
    }

    /** The name of a column's field as the mapping offers it. */
    private static Message label(String target) {
        if (target.startsWith("custom:")) {
            return Message.of("field.customFields");
        }
        return Message.of(target.startsWith("externalId:") ? "field.externalIds" : "import.field." + target);
    }

    private static List<String> split(Pattern separators, String value) {
        List<String> parts = new ArrayList<>();
        for (String part : separators.split(value)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? List.of(value) : parts;
    }

    /** Addresses separated by spaces, commas or semicolons, or written as {@code Name <address>}. */
    private static List<Map<String, String>> emails(String value) {
        Set<String> addresses = new LinkedHashSet<>();
        Matcher angle = ANGLE_EMAIL.matcher(value);
        while (angle.find()) {
            addresses.add(angle.group(1));
        }
        if (addresses.isEmpty()) {
            addresses.addAll(split(EMAIL_SEPARATORS, value));
        }
        return addresses.stream().map(a -> Map.of("address", a)).toList();
    }

    private List<String> tags(String value) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : split(TAG_SEPARATORS, value)) {
            ids.add(directory.tag(name).toString());
        }
        return List.copyOf(ids);
    }

    private static String gender(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "男", "male", "m", "先生", "man" -> "male";
            case "女", "female", "f", "女士", "woman" -> "female";
            case "未知", "保密", "unknown", "u", "other", "o" -> "unknown";
            default -> value;
        };
    }

    /** 2026-03-31, 2026/3/31, 2026.3.31 or 2026年3月31日 as ISO; anything else as given, for the check to name. */
    private static String date(String value) {
        Matcher m = DATE.matcher(value);
        if (m.matches()) {
            try {
                return LocalDate.of(
                                Integer.parseInt(m.group(1)),
                                Integer.parseInt(m.group(2)),
                                Integer.parseInt(m.group(3)))
                        .toString();
            } catch (java.time.DateTimeException e) {
                return value;
            }
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value)
                    .toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private Object custom(String key, String value) {
        CustomField field = directory.customField(key);
        if (field == null) {
            return value;
        }
        return switch (field.type()) {
            case CustomField.MULTISELECT -> split(TAG_SEPARATORS, value);
            case CustomField.DATE -> date(value);
            default -> value;
        };
    }
}
