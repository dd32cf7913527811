package io.liaison.integration;

import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactLimits;
import io.liaison.shared.MergePatch;
import io.liaison.shared.Times;
import io.liaison.shared.Validation;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /exports}: {@code format}, {@code filter} (the list's filters, by the
 * names of its query parameters), {@code contactIds} instead of a filter, and {@code version} of a
 * vCard export. Every invalid field is named.
 */
record ExportRequest(String format, Map<String, Object> filter, List<UUID> contactIds, String version) {

    static final int MAX_IDS = ExportService.MAX_CONTACT_IDS;
    private static final Set<String> FILTERS = Set.of(
            "q",
            "tagIds",
            "tagMode",
            "ownerId",
            "deptId",
            "company",
            "source",
            "createdAfter",
            "updatedAfter",
            "lastContactedBefore",
            "lastContactedAfter",
            "externalId",
            "customFields");

    static ExportRequest read(Map<String, @Nullable Object> body) {
        Validation v = new Validation();
        Object format = body.get("format");
        if (!"csv".equals(format) && !"xlsx".equals(format) && !"vcard".equals(format)) {
            v.reject("format", "invalid.export-format");
        }
        Object version = body.getOrDefault("version", "3.0");
        if (!"3.0".equals(version) && !"4.0".equals(version)) {
            v.reject("version", "invalid.vcard-version");
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        if (body.get("filter") instanceof Map<?, ?> given) {
            given.forEach((key, value) -> {
                if (!FILTERS.contains(String.valueOf(key))) {
                    v.reject("filter." + key, "invalid.unknown-filter");
                } else if (value != null) {
                    filter.put(String.valueOf(key), value);
                }
            });
        } else if (body.get("filter") != null) {
            v.reject("filter", "invalid.filter-object");
        }
        List<UUID> ids = new ArrayList<>();
        if (body.get("contactIds") instanceof List<?> list) {
            MergePatch.atMost("contactIds", list, MAX_IDS);
            for (Object id : list) {
                try {
                    ids.add(UUID.fromString(String.valueOf(id)));
                } catch (IllegalArgumentException e) {
                    // null, blank and other text alike; the ids before it were read, so its index is their count
                    v.reject("contactIds[" + ids.size() + "]", "invalid.contact-id");
                    break;
                }
            }
            if (list.isEmpty() || list.size() > MAX_IDS) {
                v.reject("contactIds", "invalid.contact-count", MAX_IDS);
            }
        } else if (body.get("contactIds") != null) {
            v.reject("contactIds", "invalid.contact-ids");
        }
        v.throwIfInvalid();
        ExportRequest request = new ExportRequest((String) format, filter, ids, (String) version);
        request.contactFilter();
        return request;
    }

    /** The filter for the contact list; {@link io.liaison.shared.LiaisonException} naming a field that is wrong. */
    ContactFilter contactFilter() {
        Validation v = new Validation();
        String mode = text("tagMode");
        if (mode != null && !mode.equals("all") && !mode.equals("any")) {
            v.reject("filter.tagMode", "invalid.tag-mode");
        }
        List<UUID> tags = new ArrayList<>();
        if (filter.get("tagIds") instanceof List<?> list) {
            MergePatch.atMost("filter.tagIds", list, ContactLimits.TAGS);
            list.forEach(t -> tags.add(uuid("tagIds", t, v)));
        } else if (filter.containsKey("tagIds")) {
            v.reject("filter.tagIds", "invalid.tag-ids");
        }
        ContactFilter result = new ContactFilter(
                text("q"),
                tags,
                mode == null || mode.equals("all"),
                uuid("ownerId", filter.get("ownerId"), v),
                uuid("deptId", filter.get("deptId"), v),
                text("company"),
                text("source"),
                time("createdAfter", v),
                time("updatedAfter", v),
                time("lastContactedBefore", v),
                time("lastContactedAfter", v),
                text("externalId"),
                customFields(v));
        v.throwIfInvalid();
        return result;
    }

    /** The custom values a contact must have, by field key, as text. */
    private Map<String, String> customFields(Validation v) {
        Map<String, String> values = new LinkedHashMap<>();
        Object given = filter.get("customFields");
        if (given instanceof Map<?, ?> map) {
            map.forEach((key, value) -> values.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (given != null) {
            v.reject("filter.customFields", "invalid.filter-object");
        }
        return values;
    }

    private @Nullable String text(String key) {
        Object value = filter.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static @Nullable UUID uuid(String key, @Nullable Object value, Validation v) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            v.reject("filter." + key, "invalid.id");
            return null;
        }
    }

    private @Nullable OffsetDateTime time(String key, Validation v) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value);
            if (!Times.storable(at)) {
                v.reject("filter." + key, Times.RULE);
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            v.reject("filter." + key, "invalid.time-with-offset");
            return null;
        }
    }
}
