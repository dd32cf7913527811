package io.liaison.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The filters of the contact list (API.md), all optional. */
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
        @Nullable String externalId) {

    public ContactFilter {
        tagIds = List.copyOf(tagIds);
    }

    public static ContactFilter none() {
        return new ContactFilter(null, List.of(), true, null, null, null, null, null, null, null, null);
    }
}
