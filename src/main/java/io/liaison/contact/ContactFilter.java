package io.liaison.contact;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the contact list (API.md), all optional. {@code customFields} are custom values a
 * contact must have (one of a multiselect's options), by field key: at most {@value
 * #MAX_CUSTOM_FIELDS}.
 */
public record ContactFilter(
        @Nullable String q,
        List<UUID> tagIds,
        boolean allTags,
        @Nullable UUID ownerId,
        @Nullable UUID deptId,
        @Nullable String company,
        @Nullable String source,
        @Nullable OffsetDateTime createdAfter,
        @Nullable OffsetDateTime updatedAfter,
        @Nullable OffsetDateTime lastContactedBefore,
        @Nullable OffsetDateTime lastContactedAfter,
        @Nullable String externalId,
        Map<String, String> customFields) {

    public static final int MAX_CUSTOM_FIELDS = 5;
    public static final int MAX_CUSTOM_VALUE = 200;

    public ContactFilter {
        tagIds = Ids.given("tagId", tagIds);
        Times.checked("createdAfter", createdAfter);
        Times.checked("updatedAfter", updatedAfter);
        Times.checked("lastContactedBefore", lastContactedBefore);
        Times.checked("lastContactedAfter", lastContactedAfter);
        // a filter stored before custom values were filterable reads back without them
        customFields = Objects.requireNonNullElse(customFields, Map.of());
        if (customFields.size() > MAX_CUSTOM_FIELDS) {
            throw LiaisonException.tooMany("customFields", MAX_CUSTOM_FIELDS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        customFields.forEach((key, value) -> {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty() || text.length() > MAX_CUSTOM_VALUE) {
                throw LiaisonException.invalid("customFields." + key, "invalid.length", 1, MAX_CUSTOM_VALUE);
            }
            values.put(key, text);
        });
        customFields = Collections.unmodifiableMap(values);
    }

    /**
     * Custom values as a query string gives them, each {@code key:value}; one without a colon is a 400
     * naming {@code param}.
     */
    public static Map<String, String> customFields(String param, @Nullable List<String> pairs) {
        if (pairs == null) {
            return Map.of();
        }
        if (pairs.size() > MAX_CUSTOM_FIELDS) {
            throw LiaisonException.tooMany(param, MAX_CUSTOM_FIELDS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.indexOf(':');
            if (colon < 1) {
                throw LiaisonException.invalid(param, "invalid.custom-field-filter");
            }
            values.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return values;
    }

    public static ContactFilter none() {
        return of(null, List.of(), true, null);
    }

    /** A filter by search text, tags (all of them or any) and company only. */
    public static ContactFilter of(@Nullable String q, List<UUID> tagIds, boolean allTags, @Nullable String company) {
        return new ContactFilter(q, tagIds, allTags, null, null, company, null, null, null, null, null, null, Map.of());
    }
}
