package io.liaison.integration.change;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of an organization in commit-safe order. A change becomes readable once every
 * transaction that began before its own has ended, so a reader that resumes from a cursor never
 * misses a change that committed late: its place in the order comes after every cursor handed out.
 * A long transaction anywhere in the database holds back what is readable until it ends.
 */
@Service
public class ChangeFeed {

    /** The most changes one call returns. */
    public static final int MAX_LIMIT = 1000;

    private final ChangeRepository changes;

    ChangeFeed(ChangeRepository changes) {
        this.changes = changes;
    }

    /**
     * Changes after {@code cursor} ({@code null}: from the first) in commit-safe order, at most {@code
     * limit} (1 to {@value #MAX_LIMIT}), for the system: no visibility filter (webhooks use it). A
     * cursor this feed did not hand out is an {@link IllegalArgumentException}.
     */
    @Transactional(readOnly = true)
    public List<Change> after(UUID orgId, @Nullable String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return changes.after(orgId, cursor == null ? ChangeCursor.START : ChangeCursor.parse(cursor), limit);
    }

    /** The cursor of the newest change readable now (a reader that starts there gets what follows), or null. */
    @Transactional(readOnly = true)
    public @Nullable String head(UUID orgId) {
        return changes.head(orgId).map(ChangeCursor::text).orElse(null);
    }
}
