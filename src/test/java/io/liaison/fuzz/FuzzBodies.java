package io.liaison.fuzz;

import io.liaison.fuzz.OpenApiDocument.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Plausible JSON bodies. A typed body is made from its schema's properties; an untyped one (a merge
 * patch, a batch) from the fields of what the operation answers, plus the few the answer does not
 * show. Values follow the field's name where the schema cannot say more (an owner is a member's id,
 * a mobile a Chinese number).
 */
final class FuzzBodies {

    private static final Set<String> READ_ONLY = Set.of(
            "id",
            "version",
            "createdAt",
            "updatedAt",
            "trashedAt",
            "trashedBy",
            "memberCount",
            "totalMemberCount",
            "contactCount",
            "builtin",
            "key",
            "authorId",
            "authorName",
            "contactId",
            "groupId",
            "source",
            "avatarUrl",
            "admin");
    private static final Map<String, List<String>> EXTRA_FIELDS = Map.of(
            "/api/v1/contacts/batch",
                    List.of("action", "contactIds", "tagIds", "ownerId", "shareUserIds", "shareDeptIds"),
            "/api/v1/exports", List.of("format", "filter", "contactIds", "vcardVersion"),
            "/api/v1/contacts", List.of("allowDuplicate"),
            "/api/v1/contacts/{id}", List.of("allowDuplicate"),
            "/api/v1/members/{id}", List.of("password"));

    private final FuzzWorld world;
    private final FuzzValues values;

    FuzzBodies(FuzzWorld world, FuzzValues values) {
        this.world = world;
        this.values = values;
    }

    Map<String, Object> of(Operation op, JsonNode schema, @Nullable JsonNode answer) {
        Map<String, Object> body = new LinkedHashMap<>();
        JsonNode properties = schema.get("properties");
        List<String> fields = new ArrayList<>();
        if (properties != null) {
            fields.addAll(properties.propertyNames());
        } else {
            if (answer != null && answer.has("properties")) {
                answer.get("properties").propertyNames().stream()
                        .filter(f -> !READ_ONLY.contains(f))
                        .forEach(fields::add);
            }
            fields.addAll(EXTRA_FIELDS.getOrDefault(op.path(), List.of()));
        }
        boolean creates = op.method().equals("POST");
        for (String field : fields) {
            boolean essential = creates
                    && List.of("name", "login", "key", "label", "type", "format", "action", "ownerId")
                            .contains(field);
            if (essential || values.chance(0.5)) {
                body.put(field, value(field, properties == null ? null : properties.get(field)));
            }
        }
        return body;
    }

    private @Nullable Object value(String field, @Nullable JsonNode schema) {
        if (values.chance(0.05)) {
            return null;
        }
        return switch (field) {
            case "name",
                    "displayName",
                    "title",
                    "company",
                    "address",
                    "remark",
                    "label",
                    "content",
                    "adminDisplayName" -> values.text();
            case "mobile" -> values.chance(0.9) ? values.mobile() : "12345";
            case "email" -> values.unique("p") + "@example.com";
            case "phones" -> List.of(Map.of("label", "work", "number", values.mobile()));
            case "emails" -> List.of(Map.of("label", "work", "address", values.unique("e") + "@example.com"));
            case "gender" -> values.pick(List.of("male", "female", "other"));
            case "birthday" -> values.date();
            case "customFields" -> Map.of(world.fieldKey, values.text());
            case "externalIds" -> Map.of("crm", values.unique("C-"));
            case "permissions" ->
                values.chance(0.9)
                        ? world.permissions.subList(0, values.between(0, world.permissions.size()))
                        : List.of("no.such");
            case "dataScope" -> values.pick(List.of("SELF", "DEPT", "DEPT_TREE", "ALL", "CUSTOM"));
            case "role" ->
                values.pick(
                        List.of("ADMIN", "MANAGER", "MEMBER", UUID.randomUUID().toString()));
            case "login", "adminLogin" -> values.unique("u");
            case "password", "newPassword", "adminPassword" -> values.chance(0.8) ? "another password 2" : "short";
            case "currentPassword" -> FuzzWorld.PASSWORD;
            case "locale" -> values.pick(List.of("zh-CN", "en", "fr"));
            case "color" -> values.pick(List.of("#1677ff", "red", "#zzz"));
            case "order", "sortOrder" -> values.number(0, 20);
            case "exclusive", "required", "allowDuplicate", "maskContactDetails", "dryRun" -> values.chance(0.5);
            case "type" ->
                values.pick(List.of("text", "number", "date", "select", "multiselect", "note", "call", "visit"));
            case "options" -> List.of("A", "B");
            case "code" -> values.unique("o");
            case "format" -> values.pick(List.of("csv", "xlsx", "vcard", "pdf"));
            case "vcardVersion" -> values.pick(List.of("3.0", "4.0"));
            case "filter" -> Map.of("q", values.text());
            case "action" -> values.pick(List.of("tag", "untag", "assign", "share", "delete", "restore", "explode"));
            case "occurredAt", "expiresAt", "lastContactedAt" -> values.time();
            default -> byName(field, schema);
        };
    }

    private Object byName(String field, @Nullable JsonNode schema) {
        if (field.endsWith("Ids")) {
            List<String> ids = new ArrayList<>();
            for (int i = values.between(0, 3); i > 0; i--) {
                ids.add(idFor(field));
            }
            return ids;
        }
        if (field.endsWith("Id")) {
            return idFor(field);
        }
        String type = schema == null ? "string" : schema.path("type").toString();
        if (type.contains("integer")) {
            return values.number(0, 100);
        }
        if (type.contains("boolean")) {
            return values.chance(0.5);
        }
        if (type.contains("array")) {
            return List.of(values.text());
        }
        return values.text();
    }

    /** An id of the kind a field or parameter name says, now and then one nobody has. */
    String idFor(String name) {
        String kind = name.replaceAll("Ids?$", "").toLowerCase();
        List<String> known = switch (kind) {
            case "owner", "shareuser", "collaborator", "member", "actor", "defaultowner", "tomember" ->
                List.of(world.adminId, world.memberId);
            case "dept", "sharedept", "department", "parent" -> world.idsOf("departments");
            case "tag" -> world.idsOf("tags");
            case "contact", "target" -> world.idsOf("contacts");
            case "upload" -> List.of();
            default -> world.idsOf(kind + "s");
        };
        return known.isEmpty() || values.chance(0.1) ? UUID.randomUUID().toString() : values.pick(known);
    }

    /** A value for a named option of an import, export or filter, now and then one it does not know. */
    static String option(String name, FuzzValues values) {
        return switch (name) {
            case "mode" -> values.pick(List.of("create", "update", "upsert", "merge"));
            case "match" -> values.pick(List.of("mobile", "email", "externalId", "name", "phone"));
            case "dryRun", "createMissingTags" -> values.pick(List.of("true", "false", "yes"));
            case "sheet" -> values.pick(List.of("1", "Sheet1", "0", "-1"));
            case "mapping" -> values.pick(List.of("{\"姓名\":\"name\"}", "{not json", "[]"));
            case "format" -> values.pick(List.of("csv", "xlsx", "vcard", "doc"));
            case "targetType" -> values.pick(List.of("contact", "member", "role", "nothing"));
            case "action" -> values.pick(List.of("contact.created", "member.updated", "x"));
            case "company", "source" -> values.pick(List.of("上海贸易", "import", "api"));
            default -> values.text();
        };
    }
}
