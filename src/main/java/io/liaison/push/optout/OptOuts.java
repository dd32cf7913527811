package io.liaison.push.optout;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.identity.Actor;
import io.liaison.push.ContactOptedIn;
import io.liaison.push.ContactOptedOut;
import io.liaison.push.optout.UnsubscribeLinks.Subscriber;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a contact wants pushes: a row of {@code push_opt_out} while it does not, written by the
 * contact through its unsubscribe link ({@code via = 'link'}) or by a member who may edit the contact
 * ({@code via = 'member'}), removed when it opts in again. Each change that changes something is kept
 * for the contact's timeline and published as {@link ContactOptedOut} or {@link ContactOptedIn}.
 */
@Service
public class OptOuts {

    public static final String LINK = "link";
    public static final String MEMBER = "member";

    private final JdbcClient jdbc;
    private final ContactAccess access;
    private final ApplicationEventPublisher events;

    OptOuts(JdbcClient jdbc, ContactAccess access, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    /** Whether the contact opted out, since when and how; {@code at} and {@code via} only when it did. */
    public record Status(
            boolean optedOut,
            @Nullable OffsetDateTime at,
            @Nullable String via) {}

    /** What the unsubscribe page shows: whose pushes, to whom, and whether the contact opted out. */
    record Visit(String organization, String contact, boolean optedOut) {}

    /** The contact's status, for a member who sees it (404 otherwise). */
    @Transactional(readOnly = true)
    public Status status(Actor actor, UUID contactId) {
        require(actor, contactId, false);
        return jdbc.sql("SELECT opted_out_at, via FROM push_opt_out WHERE org_id = ? AND contact_id = ?")
                .params(actor.orgId(), contactId)
                .query((rs, n) -> new Status(true, rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                .optional()
                .orElse(new Status(false, null, null));
    }

    /** Records for a member who may edit the contact that it wants no pushes; nothing when it opted out already. */
    @Transactional
    public void optOut(Actor actor, UUID contactId) {
        require(actor, contactId, true);
        change(actor.orgId(), contactId, actor.memberId(), true);
    }

    /** Records for a member who may edit the contact that it accepts pushes again. */
    @Transactional
    public void optIn(Actor actor, UUID contactId) {
        require(actor, contactId, true);
        change(actor.orgId(), contactId, actor.memberId(), false);
    }

    /** The page of a link's contact; empty when the contact no longer exists. */
    @Transactional(readOnly = true)
    Optional<Visit> visit(Subscriber subscriber) {
        return jdbc.sql("""
                        SELECT o.name AS organization, c.name AS contact,
                               EXISTS (SELECT 1 FROM push_opt_out p
                                        WHERE p.org_id = c.org_id AND p.contact_id = c.id) AS opted_out
                          FROM contact c JOIN organization o ON o.id = c.org_id
                         WHERE c.org_id = ? AND c.id = ?
                        """)
                .params(subscriber.orgId(), subscriber.contactId())
                .query(Visit.class)
                .optional();
    }

    /** The contact of a link opts out ({@code true}) or in again; the page it then sees, if it exists. */
    @Transactional
    Optional<Visit> choose(Subscriber subscriber, boolean optOut) {
        if (visit(subscriber).isEmpty()) {
            return Optional.empty();
        }
        change(subscriber.orgId(), subscriber.contactId(), null, optOut);
        return visit(subscriber);
    }

    private void change(UUID orgId, UUID contactId, @Nullable UUID memberId, boolean optOut) {
        String via = memberId == null ? LINK : MEMBER;
        int changed = optOut
                ? jdbc.sql("""
                                INSERT INTO push_opt_out (org_id, contact_id, via, recorded_by) VALUES (?, ?, ?, ?)
                                ON CONFLICT (org_id, contact_id) DO NOTHING
                                """).params(orgId, contactId, via, memberId).update()
                : jdbc.sql("DELETE FROM push_opt_out WHERE org_id = ? AND contact_id = ?")
                        .params(orgId, contactId)
                        .update();
        if (changed == 0) {
            return;
        }
        // the timeline pages by id: the change's time is its id's
        UUID id = Ids.newId();
        OffsetDateTime at =
                Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16).atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO push_consent_change (org_id, id, contact_id, opted_out, via, actor_id, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """).params(orgId, id, contactId, optOut, via, memberId, at).update();
        events.publishEvent(
                optOut
                        ? new ContactOptedOut(orgId, memberId, contactId, via)
                        : new ContactOptedIn(orgId, memberId, contactId, via));
    }

    /** 404 when the actor does not see the live contact; 403 when it must {@code edit} it and may not. */
    private void require(Actor actor, UUID contactId, boolean edit) {
        SqlFragment mayEdit = access.allows(actor, ContactAction.EDIT, "c");
        SqlFragment visible = access.visible(actor, "c");
        List<Object> params = new ArrayList<>(mayEdit.params());
        params.addAll(visible.params());
        params.add(contactId);
        Optional<Boolean> editable = jdbc.sql("SELECT " + mayEdit.sql() + " FROM contact c WHERE " + visible.sql()
                        + " AND c.id = ? AND c.trashed_at IS NULL")
                .params(params)
                .query(Boolean.class)
                .optional();
        if (editable.isEmpty()) {
            throw LiaisonException.notFound("contact", contactId);
        }
        if (edit && !editable.get()) {
            throw LiaisonException.forbidden("forbidden.change-this-contact");
        }
    }
}
