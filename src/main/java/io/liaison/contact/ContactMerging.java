package io.liaison.contact;

import io.liaison.access.ContactAccess;
import io.liaison.access.ContactAction;
import io.liaison.contact.Contact.ContactDraft;
import io.liaison.contact.tag.TagRules;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The contact side of merging duplicates (the review module decides what the survivor keeps): checks
 * the actor's rights on the contacts, saves the survivor's new state, moves the merged contacts'
 * follow-ups and timeline to it, takes their external ids and hides them in the trash, marked with
 * the survivor; and undoes all of that exactly. Runs in the caller's transaction.
 */
@Service
public class ContactMerging {

    /** How long a merge can be undone; the merged contacts stay in the trash at least so long. */
    public static final Duration UNDO_WINDOW = Duration.ofDays(30);

    private final ContactRepository contacts;
    private final ContactService service;
    private final ContactTimeline timeline;
    private final ContactAccess access;
    private final TagRules tagRules;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ContactMerging(
            ContactRepository contacts,
            ContactService service,
            ContactTimeline timeline,
            ContactAccess access,
            TagRules tagRules,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.service = service;
        this.timeline = timeline;
        this.access = access;
        this.tagRules = tagRules;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What left the merged contacts for the survivor, per merged contact, for the undo to move back. */
    public record Moved(
            Map<UUID, List<UUID>> followUps,
            Map<UUID, List<UUID>> timeline,
            Map<UUID, Map<String, String>> externalIds) {}

    /**
     * The contact, unmasked, when the actor may do {@code action} with it: 404 when they do not see
     * it, 409 when it is in the trash, 403 when they see it but may not.
     */
    public Contact permitted(Actor actor, UUID id, ContactAction action) {
        if (contacts.find(id, access.visible(actor, "c"), false).isEmpty()
                && contacts.find(id, access.visible(actor, "c"), true).isPresent()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "merge-trashed-contact");
        }
        return service.permitted(actor, id, action, false);
    }

    /** May the actor do {@code action} with the contact, merged away, in the trash or not? */
    public boolean allows(Actor actor, UUID id, ContactAction action) {
        return contacts.findAny(id, access.allows(actor, action, "c")).isPresent();
    }

    /** The contact as stored, merged away, in the trash or not, unmasked; empty once purged. */
    public Optional<Contact> stored(UUID orgId, UUID id) {
        return contacts.findAny(id, SqlFragment.of("c.org_id = ?", orgId));
    }

    /** Is the contact merged away into another (hidden until the merge is undone)? */
    public boolean mergedAway(UUID orgId, UUID id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact WHERE org_id = ? AND id = ? AND merged_into IS NOT NULL)")
                .params(orgId, id)
                .query(Boolean.class)
                .single();
    }

    /** How many follow-ups each of these contacts of the organization has. */
    public Map<UUID, Integer> followUpCounts(UUID orgId, Collection<UUID> ids) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        ids.forEach(id -> counts.put(id, 0));
        jdbc.sql("""
                        SELECT contact_id, count(*)::int AS n FROM follow_up
                         WHERE org_id = ? AND contact_id = ANY (?) GROUP BY contact_id
                        """)
                .params(orgId, ids.toArray(UUID[]::new))
                .query((rs, n) -> counts.put(rs.getObject("contact_id", UUID.class), rs.getInt("n")))
                .list();
        return counts;
    }

    /** Locks the rows of these contacts until the transaction ends, so that two merges of one contact wait for each other. */
    public void lock(UUID orgId, Collection<UUID> ids) {
        jdbc.sql("SELECT id FROM contact WHERE org_id = ? AND id = ANY (?) ORDER BY id FOR UPDATE")
                .params(orgId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** The tags checked against the tag rules (exclusive groups, the limit per contact). */
    public List<UUID> assignableTags(UUID orgId, List<UUID> tagIds) {
        return tagRules.requireAssignable(orgId, tagIds);
    }

    /**
     * Merges {@code merged} into {@code survivor}, whose fields become {@code next}: the merged
     * contacts' external ids leave them first (the survivor may take them), their follow-ups and
     * timeline entries move to the survivor, and they go to the trash marked as merged into it.
     */
    public Moved merge(Actor actor, Contact survivor, List<Contact> merged, ContactDraft next) {
        UUID orgId = actor.orgId();
        Map<UUID, List<UUID>> followUps = new LinkedHashMap<>();
        Map<UUID, List<UUID>> entries = new LinkedHashMap<>();
        Map<UUID, Map<String, String>> externalIds = new LinkedHashMap<>();
        List<UUID> mergedIds = new ArrayList<>();
        for (Contact m : merged) {
            mergedIds.add(m.id());
            externalIds.put(m.id(), m.fields().externalIds());
            jdbc.sql("DELETE FROM contact_external_id WHERE org_id = ? AND contact_id = ?")
                    .params(orgId, m.id())
                    .update();
            followUps.put(m.id(), move("follow_up", orgId, m.id(), survivor.id()));
            entries.put(m.id(), move("contact_timeline", orgId, m.id(), survivor.id()));
            jdbc.sql("UPDATE contact SET merged_into = ? WHERE org_id = ? AND id = ?")
                    .params(survivor.id(), orgId, m.id())
                    .update();
            contacts.trash(orgId, m.id(), actor.memberId());
        }
        if (!contacts.update(orgId, survivor.id(), survivor.fields(), next, survivor.version())) {
            throw LiaisonException.stale(survivor.version(), survivor.version() + 1);
        }
        jdbc.sql("""
                        UPDATE contact SET last_contacted_at = (SELECT max(m.last_contacted_at) FROM contact m
                                WHERE m.org_id = contact.org_id AND (m.id = contact.id OR m.id = ANY (?)))
                         WHERE org_id = ? AND id = ?
                        """)
                .params(mergedIds.toArray(UUID[]::new), orgId, survivor.id())
                .update();
        timeline.record(orgId, survivor.id(), actor.memberId(), TimelineEntry.MERGED, Map.of("contactIds", mergedIds));
        return new Moved(followUps, entries, externalIds);
    }

    /**
     * Undoes a merge: the survivor gets {@code restored} (with {@code lastContactedAt}), what moved
     * goes back to each merged contact (what is still on the survivor), and they leave the trash as
     * they were. 409 when an external id to give back is now another contact's.
     */
    public void undo(
            Actor actor,
            Contact survivor,
            ContactDraft restored,
            @Nullable OffsetDateTime lastContactedAt,
            List<UUID> mergedIds,
            Moved moved) {
        UUID orgId = actor.orgId();
        if (!contacts.update(orgId, survivor.id(), survivor.fields(), restored, survivor.version())) {
            throw LiaisonException.stale(survivor.version(), survivor.version() + 1);
        }
        jdbc.sql("UPDATE contact SET last_contacted_at = ? WHERE org_id = ? AND id = ?")
                .params(lastContactedAt, orgId, survivor.id())
                .update();
        for (UUID id : mergedIds) {
            moveBack("follow_up", orgId, survivor.id(), id, moved.followUps().getOrDefault(id, List.of()));
            moveBack(
                    "contact_timeline",
                    orgId,
                    survivor.id(),
                    id,
                    moved.timeline().getOrDefault(id, List.of()));
            for (Map.Entry<String, String> x :
                    moved.externalIds().getOrDefault(id, Map.of()).entrySet()) {
                int taken = jdbc.sql("""
                                INSERT INTO contact_external_id (org_id, contact_id, source, external_id)
                                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                                """)
                        .params(orgId, id, x.getKey(), x.getValue())
                        .update();
                if (taken == 0) {
                    throw new LiaisonException(HttpStatus.CONFLICT, "external-id-taken", x.getKey(), x.getValue());
                }
            }
            jdbc.sql("UPDATE contact SET merged_into = NULL WHERE org_id = ? AND id = ? AND merged_into = ?")
                    .params(orgId, id, survivor.id())
                    .update();
            contacts.restore(orgId, id);
            timeline.record(
                    orgId,
                    id,
                    actor.memberId(),
                    TimelineEntry.MERGE_UNDONE,
                    Map.of("contactIds", List.of(survivor.id())));
        }
        timeline.record(
                orgId, survivor.id(), actor.memberId(), TimelineEntry.MERGE_UNDONE, Map.of("contactIds", mergedIds));
    }

    /** Publishes the merge: one audit entry and the change feed's {@code contact.merged}. */
    public void published(ContactMerged merged) {
        events.publishEvent(merged);
    }

    /** Publishes the undo: one audit entry, the feed's restored and updated contacts. */
    public void published(ContactMergeUndone undone) {
        events.publishEvent(undone);
    }

    private List<UUID> move(String table, UUID orgId, UUID from, UUID to) {
        return jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE org_id = ? AND contact_id = ? RETURNING id")
                .params(to, orgId, from)
                .query(UUID.class)
                .list();
    }

    private void moveBack(String table, UUID orgId, UUID from, UUID to, List<UUID> ids) {
        jdbc.sql("UPDATE " + table + " SET contact_id = ? WHERE org_id = ? AND contact_id = ? AND id = ANY (?)")
                .params(to, orgId, from, ids.toArray(UUID[]::new))
                .update();
    }
}
