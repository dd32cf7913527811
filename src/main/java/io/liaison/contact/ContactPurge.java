package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactPermissions;
import io.liaison.contact.trash.TrashSettings;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts purged from the trash before their retention ends, by an administrator ({@code
 * contact.purge}): one, or every one in the trash that they see. Gone for good as the retention's
 * purge leaves them, each audited as {@link ContactPurgedNow} and published as {@link ContactPurged}.
 * Also tells when the retention would purge a contact.
 */
@Service
public class ContactPurge {

    /** The most contacts one emptying of the trash purges; more stay for the next. */
    public static final int MAX_EMPTY = 5_000;

    private static final int BATCH = 500;

    private final ContactAccess access;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Duration retention;

    ContactPurge(ContactAccess access, JdbcClient jdbc, ApplicationEventPublisher events, TrashSettings settings) {
        this.access = access;
        this.jdbc = jdbc;
        this.events = events;
        this.retention = settings.retention();
    }

    /** When the retention purges a contact trashed at {@code trashedAt}. */
    public OffsetDateTime purgedAt(OffsetDateTime trashedAt) {
        return trashedAt.plus(retention);
    }

    /** Whole days until then, as calendar days in the reader's zone; 0 when it is today or past. */
    public long daysLeft(Actor actor, OffsetDateTime trashedAt) {
        LocalDate today = LocalDate.now(actor.timeZone());
        LocalDate purged =
                purgedAt(trashedAt).atZoneSameInstant(actor.timeZone()).toLocalDate();
        return Math.max(0, ChronoUnit.DAYS.between(today, purged));
    }

    /** Purges one contact of the trash; 404 when the actor does not see it there, 403 without the right. */
    @Transactional
    public void purge(Actor actor, UUID id) {
        require(actor);
        List<UUID> gone = delete(actor, SqlFragment.of("c.id = ?", id), 1);
        if (gone.isEmpty()) {
            throw LiaisonException.notFound("contact", id);
        }
    }

    /** Purges the contacts of the trash the actor sees, at most {@link #MAX_EMPTY}; answers how many. */
    @Transactional
    public int empty(Actor actor) {
        require(actor);
        int total = 0;
        int purged;
        do {
            purged = delete(actor, SqlFragment.of("TRUE"), Math.min(BATCH, MAX_EMPTY - total))
                    .size();
            total += purged;
        } while (purged == BATCH && total < MAX_EMPTY);
        return total;
    }

    private static void require(Actor actor) {
        if (!actor.can(ContactPermissions.PURGE)) {
            throw LiaisonException.forbidden("forbidden.purge-contacts");
        }
    }

    private List<UUID> delete(Actor actor, SqlFragment which, int limit) {
        SqlFragment where = access.visible(actor, "c").and(which);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        List<UUID> ids = jdbc.sql("SELECT c.id FROM contact c WHERE " + where.sql()
                        + " AND c.trashed_at IS NOT NULL ORDER BY c.id LIMIT ? FOR UPDATE OF c")
                .params(params)
                .query(UUID.class)
                .list();
        if (ids.isEmpty()) {
            return ids;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        jdbc.sql("DELETE FROM contact WHERE org_id = ? AND id = ANY (?)")
                .params(actor.orgId(), array)
                .update();
        for (String keys : List.of("contact_search", "contact_word")) {
            jdbc.sql("DELETE FROM " + keys + " WHERE contact_id = ANY (?)")
                    .param(array)
                    .update();
        }
        for (UUID id : ids) {
            events.publishEvent(new ContactPurgedNow(actor.orgId(), actor.memberId(), id));
            events.publishEvent(new ContactPurged(actor.orgId(), id));
        }
        return ids;
    }
}
