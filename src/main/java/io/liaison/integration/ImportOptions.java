package io.liaison.integration;

import io.liaison.contact.ContactImport;
import io.liaison.contact.ImportMatch;
import io.liaison.shared.Validation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of an import request besides the file, checked together: every invalid one is named.
 */
public record ImportOptions(
        @Nullable String format,
        String mode,
        String match,
        Map<String, String> mapping,
        boolean dryRun,
        @Nullable UUID defaultOwnerId,
        boolean createMissingTags,
        @Nullable String sheet) {

    public static ImportOptions read(
            @Nullable String format,
            @Nullable String mode,
            @Nullable String match,
            @Nullable String mapping,
            @Nullable String dryRun,
            @Nullable String defaultOwnerId,
            @Nullable String createMissingTags,
            @Nullable String sheet,
            JsonMapper json) {
        Validation v = new Validation();
        String m = mode == null || mode.isBlank() ? "create" : mode.strip().toLowerCase(Locale.ROOT);
        if (!m.equals("create") && !m.equals("upsert") && !m.equals("update")) {
            v.reject("mode", "invalid.import-mode");
        }
        String by = match == null || match.isBlank() ? "mobile" : match.strip().replace(' ', '+');
        try {
            match(by);
        } catch (IllegalArgumentException e) {
            v.reject("match", "invalid.import-match");
        }
        UUID owner = null;
        if (defaultOwnerId != null && !defaultOwnerId.isBlank()) {
            try {
                owner = UUID.fromString(defaultOwnerId.strip());
            } catch (IllegalArgumentException e) {
                v.reject("defaultOwnerId", "invalid.member-id");
            }
        }
        Map<String, String> columns = new LinkedHashMap<>();
        if (mapping != null && !mapping.isBlank()) {
            try {
                JsonNode node = json.readTree(mapping);
                if (!node.isObject()) {
                    v.reject("mapping", "invalid.import-mapping");
                } else {
                    node.properties()
                            .forEach(e -> columns.put(
                                    e.getKey(),
                                    e.getValue().isNull() ? "" : e.getValue().asString()));
                }
            } catch (JacksonException e) {
                v.reject("mapping", "invalid.json");
            }
        }
        boolean dry = flag(dryRun, "dryRun", v);
        boolean create = flag(createMissingTags, "createMissingTags", v);
        v.throwIfInvalid();
        String chosen = sheet == null || sheet.isBlank() ? null : sheet.strip();
        return new ImportOptions(format, m, by, columns, dry, owner, create, chosen);
    }

    private static boolean flag(@Nullable String value, String field, Validation v) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                v.reject(field, "invalid.boolean");
                yield false;
            }
        };
    }

    static ImportMatch match(String match) {
        return switch (match) {
            case "mobile" -> ImportMatch.MOBILE;
            case "email" -> ImportMatch.EMAIL;
            case "externalId" -> ImportMatch.EXTERNAL_ID;
            case "name+company" -> ImportMatch.NAME_COMPANY;
            default -> throw new IllegalArgumentException(match);
        };
    }

    static ContactImport.Mode mode(String mode) {
        return ContactImport.Mode.valueOf(mode.toUpperCase(Locale.ROOT));
    }
}
