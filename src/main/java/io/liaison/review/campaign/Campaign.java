package io.liaison.review.campaign;

import io.liaison.contact.ContactFilter;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A review campaign as its reader sees it: what it asks, who started it, until when, and its counts:
 * {@code all} over the whole campaign (for its starter and administrators; for an owner their own
 * items), {@code mine} over the reader's own items. {@code status} is {@code open} or {@code closed}.
 */
public record Campaign(
        UUID id,
        String name,
        @Nullable String note,
        ContactFilter filter,
        UUID startedBy,
        String startedByName,
        OffsetDateTime startedAt,
        OffsetDateTime deadline,
        String status,
        @Nullable OffsetDateTime closedAt,
        @Nullable UUID closedBy,
        boolean manages,
        Counts all,
        Counts mine) {

    public boolean open() {
        return "open".equals(status);
    }

    /** How many items there are and what was done with them; the rest are pending. */
    public record Counts(int total, int confirmed, int updated, int invalid, int trashed) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        public int done() {
            return confirmed + updated + invalid + trashed;
        }

        public int pending() {
            return total - done();
        }

        /** Done in whole percent, 100 for nothing to do. */
        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(done() * 100.0 / total);
        }
    }
}
