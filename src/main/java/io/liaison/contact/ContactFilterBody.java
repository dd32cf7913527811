package io.liaison.contact;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.KnownFieldsOnly;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The contact list's filters as a JSON body, for the APIs that choose contacts by them (a push's
 * audience, a review campaign): each field's limit checked with its name under the caller's prefix.
 */
@KnownFieldsOnly
public record ContactFilterBody(
        @Schema(
                description = "The contact list's search: name, pinyin, initials, company, a piece of a mobile",
                maxLength = 100,
                example = "张")
        @Nullable
        String q,

        @ArraySchema(maxItems = 50) @Nullable List<UUID> tagIds,

        @Schema(description = "Every tag (true, the default) or any of them (false)") @Nullable
        Boolean allTags,

        @Nullable UUID ownerId,
        @Nullable UUID deptId,

        @Schema(maxLength = 100, example = "杭州丝绸") @Nullable String company,

        @Schema(allowableValues = {"manual", "import", "api", "form", "sync"}) @Nullable
        String source,

        @Nullable OffsetDateTime createdAfter,
        @Nullable OffsetDateTime updatedAfter,
        @Nullable OffsetDateTime lastContactedBefore,
        @Nullable OffsetDateTime lastContactedAfter,

        @Schema(
                description = "Custom values a contact has (one of a multiselect's options), by field key",
                maxProperties = ContactFilter.MAX_CUSTOM_FIELDS,
                example = "{\"industry\":\"零售\"}")
        @Nullable
        Map<String, String> customFields) {

    public static ContactFilterBody of(ContactFilter f) {
        return new ContactFilterBody(
                f.q(),
                f.tagIds(),
                f.allTags(),
                f.ownerId(),
                f.deptId(),
                f.company(),
                f.source(),
                f.createdAfter(),
                f.updatedAfter(),
                f.lastContactedBefore(),
                f.lastContactedAfter(),
                f.customFields().isEmpty() ? null : f.customFields());
    }

    /** The filter, its fields named in a 400 under {@code prefix} (for example {@code filter.}). */
    public ContactFilter filter(String prefix) {
        if (q != null && q.length() > 100) {
            throw LiaisonException.invalid(prefix + "q", "invalid.length", 0, 100);
        }
        if (company != null && company.length() > 100) {
            throw LiaisonException.invalid(prefix + "company", "invalid.length", 0, 100);
        }
        if (tagIds != null && tagIds.size() > 50) {
            throw LiaisonException.tooMany(prefix + "tagIds", 50);
        }
        if (customFields != null && customFields.size() > ContactFilter.MAX_CUSTOM_FIELDS) {
            throw LiaisonException.tooMany(prefix + "customFields", ContactFilter.MAX_CUSTOM_FIELDS);
        }
        return new ContactFilter(
                q == null || q.isBlank() ? null : q.strip(),
                tagIds == null ? List.of() : tagIds,
                allTags == null || allTags,
                ownerId,
                deptId,
                company,
                source,
                createdAfter,
                updatedAfter,
                lastContactedBefore,
                lastContactedAfter,
                null,
                customFields == null ? Map.of() : customFields);
    }
}
