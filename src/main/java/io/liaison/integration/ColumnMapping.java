package io.liaison.integration;

import io.liaison.shared.InvalidValue;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which contact field each column fills. A header is recognised in Chinese or English (姓名 or
 * Name, 手机号 or Mobile ...), by a custom field's label or key, or as {@code externalIds.<source>};
 * a mapping sent with the import overrides any column by its header. Targets are the field names
 * of {@link #FIELDS}, {@code custom:<key>}, {@code externalId:<source>} or empty for "not imported".
 */
final class ColumnMapping {

    static final List<String> FIELDS = List.of(
            "name",
            "mobile",
            "phone",
            "email",
            "company",
            "title",
            "address",
            "remark",
            "tags",
            "owner",
            "gender",
            "birthday",
            "avatar");

    private static final Map<String, String> KNOWN = new LinkedHashMap<>();
    private static final Pattern EXTERNAL =
            Pattern.compile("(?:externalids?\\.?|外部id|外部编号)[(（]?([a-z][a-z0-9_]{0,29})[)）]?");
    private static final Pattern TARGET =
            Pattern.compile("custom:[a-z][a-z0-9_]{0,39}|externalId:[a-z][a-z0-9_-]{0,29}");

    static {
        known("name", "姓名", "名字", "联系人", "联系人姓名", "客户姓名", "name", "full name", "contact name");
        known(
                "mobile",
                "手机",
                "手机号",
                "手机号码",
                "移动电话",
                "mobile",
                "mobile phone",
                "mobile number",
                "cell",
                "cellphone",
                "cell phone");
        known(
                "phone",
                "电话",
                "座机",
                "固定电话",
                "办公电话",
                "电话号码",
                "其他电话",
                "phone",
                "phones",
                "telephone",
                "tel",
                "work phone",
                "phone number");
        known(
                "email",
                "邮箱",
                "电子邮箱",
                "邮件",
                "电子邮件",
                "邮箱地址",
                "email",
                "emails",
                "e-mail",
                "mail",
                "email address",
                "e-mail address");
        known(
                "company",
                "公司",
                "公司名称",
                "单位",
                "企业",
                "企业名称",
                "company",
                "organization",
                "organisation",
                "org",
                "company name");
        known("title", "职位", "职务", "头衔", "title", "job title", "position");
        known("address", "地址", "联系地址", "公司地址", "address");
        known("remark", "备注", "说明", "描述", "remark", "remarks", "note", "notes", "comment", "comments");
        known("tags", "标签", "tags", "tag", "labels", "categories");
        known("owner", "负责人", "跟进人", "所属成员", "归属人", "owner", "follower", "assigned to");
        known("gender", "性别", "gender", "sex");
        known("birthday", "生日", "出生日期", "birthday", "birth date", "date of birth");
        known("avatar", "头像", "avatar", "photo");
        known("externalId:import", "外部id", "外部编号", "external id", "externalid");
    }

    private static void known(String target, String... headers) {
        for (String header : headers) {
            KNOWN.put(simple(header), target);
        }
    }

    private final List<String> targets;

    private ColumnMapping(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * The mapping of {@code header}: {@code given} (header text to target) first, then the
     * recognised headers; a column is mapped once, to the first column that claims a field.
     *
     * @param customFields custom field keys by label
     * @throws IllegalArgumentException naming a target that does not exist
     */
    static ColumnMapping of(List<String> header, Map<String, String> given, Map<String, String> customFields) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        customFields.forEach((label, key) -> {
            byLabel.put(simple(label), "custom:" + key);
            byLabel.put(simple(key), "custom:" + key);
        });
        List<String> targets = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String column : header) {
            String target;
            if (given.containsKey(column)) {
                target =
                        valid(given.get(column) == null ? "" : given.get(column).strip(), customFields);
            } else {
                target = recognise(column, byLabel);
            }
            if (!target.isEmpty() && taken.contains(target)) {
                target = "";
            }
            taken.add(target);
            targets.add(target);
        }
        return new ColumnMapping(targets);
    }

    private static String valid(String target, Map<String, String> customFields) {
        if (target.isEmpty() || FIELDS.contains(target)) {
            return target;
        }
        if (!TARGET.matcher(target).matches()) {
            throw new InvalidValue("invalid.mapping-target", target, String.join(", ", FIELDS));
        }
        if (target.startsWith("custom:") && !customFields.containsValue(target.substring(7))) {
            throw new InvalidValue("invalid.mapping-custom-field", target.substring(7));
        }
        return target;
    }

    private static String recognise(String column, Map<String, String> customFields) {
        String simple = simple(column);
        String target = KNOWN.get(simple);
        if (target != null) {
            return target;
        }
        Matcher external = EXTERNAL.matcher(simple);
        if (external.matches()) {
            return "externalId:" + external.group(1);
        }
        return customFields.getOrDefault(simple, "");
    }

    /** Lower case, full-width folded, without spaces, asterisks (required marks), colons and hyphens. */
    static String simple(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[\\s*:-]", "");
    }

    /** The target of each column, in the order of the header. */
    List<String> targets() {
        return targets;
    }

    boolean maps(String target) {
        return targets.contains(target);
    }

    /** The mapping as header text to target, as the preview shows it and an import accepts it. */
    Map<String, String> byHeader(List<String> header) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            result.putIfAbsent(header.get(i), targets.get(i));
        }
        return result;
    }

    /** The target of a column, or empty. */
    String target(int column) {
        return column < targets.size() ? targets.get(column) : "";
    }
}
