package io.liaison.review.campaign;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One contact of a campaign: its current owner (the item follows the contact when it is handed over),
 * and what was done with it, by whom and when ({@code action} null while pending: {@code confirm},
 * {@code update}, {@code invalid} or {@code trash}).
 */
public record CampaignItem(
        int position,
        UUID id,
        UUID contactId,
        String contactName,
        boolean contactTrashed,
        UUID ownerId,
        String ownerName,
        @Nullable String action,
        @Nullable UUID actedBy,
        @Nullable String actedByName,
        @Nullable OffsetDateTime actedAt) {

    public boolean pending() {
        return action == null;
    }
}
