package io.liaison.contact;

import io.liaison.shared.Ids;
import io.liaison.shared.Times;
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
        tagIds = Ids.given("tagId", tagIds);
        Times.checked("createdAfter", createdAfter);
        Times.checked("updatedAfter", updatedAfter);
        Times.checked("lastContactedBefore", lastContactedBefore);
    }

    public static ContactFilter none() {
        return new ContactFilter(null, List.of(), true, null, null, null, null, null, null, null, null);
    }
}
