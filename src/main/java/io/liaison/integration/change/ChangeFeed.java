package io.liaison.integration.change;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
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

    /** The most changes one call of {@link #visible} looks at, seen by the caller or not. */
    static final int SCAN = 20_000;

    private final ChangeRepository changes;
    private final ContactAccess access;

    ChangeFeed(ChangeRepository changes, ContactAccess access) {
        this.changes = changes;
        this.access = access;
    }

    /** Changes a member sees, and where to read on: after the last of them, or past changes they do not see. */
    public record Page(List<Change> items, String next) {}

    /**
     * The changes after {@code since} that the actor may see, at most {@code limit}: those of a contact
     * they see now (in the trash too); those of a purged contact, of conversations, pushes and tasks
     * only when their data scope is the whole organization (chat, push and task offer no visibility
     * rule that SQL here could use). At most {@value #SCAN} changes are looked at per call, so a page
     * may be empty while {@code next} moves on past changes the actor does not see: a reader has
     * caught up when {@code next} equals {@code since}. A bad {@code since} or {@code limit} is a 400.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Page visible(Actor actor, @Nullable String since, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw LiaisonException.invalid("limit", "invalid.between", 1, MAX_LIMIT);
        }
        ChangeCursor after;
        try {
            after = since == null ? ChangeCursor.START : ChangeCursor.parse(since);
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid("since", "invalid.cursor");
        }
        SqlFragment whole = SqlFragment.of(actor.dataScope() == DataScope.ALL ? "TRUE" : "FALSE");
        SqlFragment seen = SqlFragment.of("(ch.contact_id IS NOT NULL AND c.id IS NOT NULL AND ")
                .append("", access.visible(actor, "c"), ")")
                .or(SqlFragment.of("(c.id IS NULL AND ").append("", whole, ")"));
        List<Change> items = changes.visible(actor.orgId(), after, SCAN, seen, limit);
        if (items.size() == limit) {
            return new Page(items, items.get(limit - 1).cursor());
        }
        return new Page(
                items, changes.lastOf(actor.orgId(), after, SCAN).orElse(after).text());
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
