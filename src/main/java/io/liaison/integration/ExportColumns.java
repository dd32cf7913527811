package io.liaison.integration;

import io.liaison.contact.Contact;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.CustomField;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The columns of a CSV or XLSX export, headed in Chinese or English as the import recognises them,
 * so that importing an export finds every column again: the fields, one column per custom field
 * (by its label) and one per external id source ({@code 外部编号（crm）}, {@code External id (crm)}).
 * An export (not the import template) ends with when the contact was created, updated and last
 * contacted, in the organization's zone with the offset ({@code 2026-12-03T13:36:00+08:00}), which an
 * import leaves out.
 */
final class ExportColumns {

    private static final List<String> ZH =
            List.of("姓名", "手机", "电话", "邮箱", "公司", "职位", "地址", "备注", "标签", "负责人", "性别", "生日");
    private static final List<String> EN = List.of(
            "Name",
            "Mobile",
            "Phone",
            "Email",
            "Company",
            "Title",
            "Address",
            "Remark",
            "Tags",
            "Owner",
            "Gender",
            "Birthday");

    private final boolean chinese;
    private final List<CustomField> customFields;
    private final List<String> sources;
    private final Map<UUID, String> tagNames;
    private final Function<UUID, String> ownerNames;
    private final @Nullable ZoneId zone;

    private static final List<String> TIMES_ZH = List.of("创建时间", "更新时间", "最近联系");
    private static final List<String> TIMES_EN = List.of("Created", "Updated", "Last contacted");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    ExportColumns(
            String language,
            List<CustomField> customFields,
            List<String> sources,
            Map<UUID, String> tagNames,
            Function<UUID, String> ownerNames,
            @Nullable ZoneId zone) {
        this.zone = zone;
        this.chinese = language.startsWith("zh");
        this.customFields = List.copyOf(customFields);
        this.sources = List.copyOf(sources);
        this.tagNames = tagNames;
        this.ownerNames = ownerNames;
    }

    List<String> header() {
        List<String> header = new ArrayList<>(chinese ? ZH : EN);
        customFields.forEach(f -> header.add(f.label()));
        // Read back by the import as an external id of that source (ColumnMapping.EXTERNAL).
        sources.forEach(s -> header.add(chinese ? "外部编号（" + s + "）" : "External id (" + s + ")"));
        if (zone != null) {
            header.addAll(chinese ? TIMES_ZH : TIMES_EN);
        }
        return header;
    }

    List<String> cells(Contact contact) {
        ContactDraft d = contact.fields();
        List<String> cells = new ArrayList<>(List.of(
                d.name(),
                text(d.mobile()),
                d.phones().stream().map(Contact.Phone::number).collect(Collectors.joining(", ")),
                d.emails().stream().map(Contact.Email::address).collect(Collectors.joining(", ")),
                text(d.company()),
                text(d.title()),
                text(d.address()),
                text(d.remark()),
                d.tagIds().stream().map(id -> tagNames.getOrDefault(id, "")).collect(Collectors.joining(",")),
                ownerNames.apply(d.ownerId()),
                gender(d.gender()),
                d.birthday() == null ? "" : d.birthday().toString()));
        for (CustomField field : customFields) {
            cells.add(value(d.customFields().get(field.key())));
        }
        for (String source : sources) {
            cells.add(text(d.externalIds().get(source)));
        }
        if (zone != null) {
            cells.add(time(contact.createdAt(), zone));
            cells.add(time(contact.updatedAt(), zone));
            cells.add(time(contact.lastContactedAt(), zone));
        }
        return cells;
    }

    private String gender(@Nullable String gender) {
        if (gender == null) {
            return "";
        }
        if (!chinese) {
            return gender;
        }
        return switch (gender) {
            case "male" -> "男";
            case "female" -> "女";
            default -> "未知";
        };
    }

    private static String value(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(value);
    }

    static String time(@Nullable OffsetDateTime at, ZoneId zone) {
        return at == null ? "" : at.atZoneSameInstant(zone).format(TIME);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
