package io.liaison.task.cadence;

import io.liaison.access.ContactAccess;
import io.liaison.contact.ContactRights;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.SetupPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stay-in-touch cadences. A contact's cadence is set by whoever may edit the contact, a tag's by
 * whoever manages tags; everyone sees the tags' cadences and those of the contacts they see. The due
 * list is each reader's own: the contacts they see whose cadence has lapsed.
 */
@Service
public class CadenceService {

    private final CadenceRepository cadences;
    private final ContactService contacts;
    private final ContactAccess access;
    private final ContactSetup tags;
    private final CadenceSweep sweep;

    CadenceService(
            CadenceRepository cadences,
            ContactService contacts,
            ContactAccess access,
            ContactSetup tags,
            CadenceSweep sweep) {
        this.cadences = cadences;
        this.contacts = contacts;
        this.access = access;
        this.tags = tags;
        this.sweep = sweep;
    }

    /** A new cadence for the contact or the tag (exactly one of them); 409 when it has one already. */
    @Transactional
    public Cadence create(Actor actor, @Nullable UUID contactId, @Nullable UUID tagId, @Nullable Integer everyDays) {
        if ((contactId == null) == (tagId == null)) {
            throw LiaisonException.invalid(contactId == null ? "contactId" : "tagId", "invalid.cadence-target");
        }
        if (contactId != null) {
            requireEdit(actor, contactId);
        } else {
            requireTagManager(actor);
            tags.tag(actor, tagId);
        }
        int days = days(everyDays);
        if (cadences.exists(actor.orgId(), contactId, tagId)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "cadence-exists");
        }
        UUID id = Ids.newId();
        cadences.insert(actor.orgId(), id, contactId, tagId, days, actor.memberId());
        sweep.soon(actor.orgId());
        return cadences.find(actor.orgId(), id).orElseThrow();
    }

    /** A cadence the actor sees: a tag's, or one of a contact they see. */
    @Transactional(readOnly = true)
    public Cadence get(Actor actor, UUID id) {
        Cadence cadence = cadences.find(actor.orgId(), id).orElseThrow(() -> notFound(id));
        if (cadence.contactId() != null) {
            try {
                contacts.rights(actor, cadence.contactId());
            } catch (LiaisonException e) {
                throw notFound(id);
            }
        }
        return cadence;
    }

    /** The cadences the actor sees, in the order they were made; only the contact's, or the tag's, when given. */
    @Transactional(readOnly = true)
    public CursorPage<Cadence> list(
            Actor actor, @Nullable UUID contactId, @Nullable UUID tagId, @Nullable String cursor, int limit) {
        SqlFragment where = SqlFragment.of("k.org_id = ?", actor.orgId())
                .and(SqlFragment.of("k.tag_id IS NOT NULL")
                        .or(new SqlFragment(
                                        "EXISTS (SELECT 1 FROM contact c WHERE c.org_id = k.org_id"
                                                + " AND c.id = k.contact_id AND c.trashed_at IS NULL AND ",
                                        List.of())
                                .append("", access.visible(actor, "c"), ")")));
        if (contactId != null) {
            where = where.and(SqlFragment.of("k.contact_id = ?", contactId));
        }
        if (tagId != null) {
            where = where.and(SqlFragment.of("k.tag_id = ?", tagId));
        }
        return CursorPage.of(cadences.page(where, CursorPage.decode(cursor), limit + 1), limit, Cadence::id);
    }

    /** Every tag's cadence, for the tags page. */
    @Transactional(readOnly = true)
    public List<Cadence> ofTags(Actor actor) {
        return cadences.ofTags(actor.orgId());
    }

    /** Sets the cadence's days, against the version the actor saw when they say it. */
    @Transactional
    public Cadence update(Actor actor, UUID id, @Nullable Integer everyDays, @Nullable Long expectedVersion) {
        Cadence current = changeable(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        int days = days(everyDays);
        if (!cadences.update(actor.orgId(), id, days, current.version())) {
            throw LiaisonException.stale(current.version(), current.version() + 1);
        }
        sweep.soon(actor.orgId());
        return cadences.find(actor.orgId(), id).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, UUID id, @Nullable Long expectedVersion) {
        Cadence current = changeable(actor, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        cadences.delete(actor.orgId(), id);
    }

    /**
     * Sets the contact's own cadence to {@code everyDays}, or removes it when null: the contact page's
     * form, which says "every N days" or "none".
     */
    @Transactional
    public ContactCadence setForContact(Actor actor, UUID contactId, @Nullable Integer everyDays) {
        requireEdit(actor, contactId);
        Cadence own = cadences.ofContact(actor.orgId(), contactId).orElse(null);
        if (everyDays == null) {
            if (own != null) {
                cadences.delete(actor.orgId(), own.id());
            }
        } else if (own == null) {
            create(actor, contactId, null, everyDays);
        } else {
            update(actor, own.id(), everyDays, null);
        }
        return forContact(actor, contactId);
    }

    /** Sets the tag's cadence to {@code everyDays}, or removes it when null: the tags page's form. */
    @Transactional
    public @Nullable Cadence setForTag(Actor actor, UUID tagId, @Nullable Integer everyDays) {
        requireTagManager(actor);
        tags.tag(actor, tagId);
        Cadence own = cadences.ofTag(actor.orgId(), tagId).orElse(null);
        if (everyDays == null) {
            if (own != null) {
                cadences.delete(actor.orgId(), own.id());
            }
            return null;
        }
        return own == null ? create(actor, null, tagId, everyDays) : update(actor, own.id(), everyDays, null);
    }

    /** The cadence that applies to a contact the actor sees, and when it falls due. */
    @Transactional(readOnly = true)
    public ContactCadence forContact(Actor actor, UUID contactId) {
        ContactRights rights = contacts.rights(actor, contactId);
        Cadence own = cadences.ofContact(actor.orgId(), contactId).orElse(null);
        CadenceRepository.TagDays tag =
                cadences.shortestOfTags(actor.orgId(), contactId).orElse(null);
        Integer days = own != null ? Integer.valueOf(own.everyDays()) : tag == null ? null : tag.everyDays();
        Instant next = days == null
                ? null
                : cadences.clock(actor.orgId(), contactId)
                        .map(clock -> clock.plus(Duration.ofDays(days)))
                        .orElse(null);
        return new ContactCadence(
                own,
                tag == null ? null : tag.everyDays(),
                tag == null ? null : tag.tagName(),
                days,
                next,
                rights.edit());
    }

    /** The contacts the actor sees whose cadence has lapsed, most overdue first. */
    @Transactional(readOnly = true)
    public CursorPage<DueContact> due(Actor actor, @Nullable String cursor, int limit) {
        CadenceRepository.DuePosition after = position(cursor);
        List<DueContact> rows = cadences.due(actor.orgId(), access.visible(actor, "c"), after, limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        DueContact last = rows.get(limit - 1);
        return new CursorPage<>(
                List.copyOf(rows.subList(0, limit)),
                CursorPage.encode(last.dueSince().toString(), last.contactId().toString()));
    }

    private static CadenceRepository.@Nullable DuePosition position(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> parts = CursorPage.parts(cursor, 2);
        try {
            return new CadenceRepository.DuePosition(Instant.parse(parts.get(0)), UUID.fromString(parts.get(1)));
        } catch (RuntimeException e) {
            throw LiaisonException.invalid("cursor", "invalid.cursor");
        }
    }

    private Cadence changeable(Actor actor, UUID id) {
        Cadence cadence = get(actor, id);
        if (cadence.contactId() != null) {
            requireEdit(actor, cadence.contactId());
        } else {
            requireTagManager(actor);
        }
        return cadence;
    }

    private void requireEdit(Actor actor, UUID contactId) {
        if (!contacts.rights(actor, contactId).edit()) {
            throw LiaisonException.forbidden("forbidden.change-this-contact");
        }
    }

    private static void requireTagManager(Actor actor) {
        if (!actor.can(SetupPermissions.TAG_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-tags");
        }
    }

    private static int days(@Nullable Integer everyDays) {
        if (everyDays == null || everyDays < Cadence.MIN_DAYS || everyDays > Cadence.MAX_DAYS) {
            throw LiaisonException.invalid("everyDays", "invalid.between", Cadence.MIN_DAYS, Cadence.MAX_DAYS);
        }
        return everyDays;
    }

    private static LiaisonException notFound(UUID id) {
        return LiaisonException.notFound("cadence", id);
    }
}
