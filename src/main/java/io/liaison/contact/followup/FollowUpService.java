package io.liaison.contact.followup;

import io.liaison.access.ContactAccess;
import io.liaison.contact.ContactService;
import io.liaison.contact.FollowUpRecorded;
import io.liaison.identity.Actor;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import io.liaison.shared.Validation;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up records of a contact. Whoever may see a contact may record a follow-up with it; each
 * author edits and deletes their own. The contact's last-contacted time follows the records.
 */
@Service
public class FollowUpService {

    /** The most characters of a follow-up's content. */
    public static final int MAX_CONTENT = 10_000;

    private final FollowUpRepository followUps;
    private final ContactService contacts;
    private final ContactAccess access;
    private final ApplicationEventPublisher events;

    FollowUpService(
            FollowUpRepository followUps,
            ContactService contacts,
            ContactAccess access,
            ApplicationEventPublisher events) {
        this.followUps = followUps;
        this.contacts = contacts;
        this.access = access;
        this.events = events;
    }

    @Transactional
    public FollowUp record(
            Actor actor, UUID contactId, @Nullable String type, @Nullable String content, @Nullable OffsetDateTime at) {
        contacts.get(actor, contactId);
        OffsetDateTime occurredAt = at == null ? OffsetDateTime.now() : at;
        validate(type, content, occurredAt);
        UUID id = Ids.newId();
        followUps.insert(actor.orgId(), id, contactId, type, content.trim(), occurredAt, actor.memberId());
        followUps.recomputeLastContacted(actor.orgId(), contactId);
        events.publishEvent(new FollowUpRecorded(
                actor.orgId(),
                actor.memberId(),
                contactId,
                id,
                "follow-up.recorded",
                Map.of(),
                Map.of("type", type, FollowUpRecorded.OCCURRED_AT, time(occurredAt))));
        return followUps.find(actor.orgId(), contactId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public CursorPage<FollowUp> list(Actor actor, UUID contactId, @Nullable String cursor, int limit) {
        contacts.get(actor, contactId);
        UUID afterId = CursorPage.decode(cursor);
        FollowUp after = afterId == null
                ? null
                : followUps
                        .find(actor.orgId(), contactId, afterId)
                        .orElseThrow(() -> LiaisonException.invalid("cursor", "invalid.cursor"));
        List<FollowUp> rows = followUps.page(actor.orgId(), contactId, after, limit + 1);
        return CursorPage.of(rows, limit, FollowUp::id);
    }

    /**
     * The latest follow-up of each of the contacts among {@code contactIds} that the actor sees, by
     * contact; a contact without follow-ups has none.
     */
    @Transactional(readOnly = true)
    public Map<UUID, LastFollowUp> latest(Actor actor, List<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return followUps.latest(contactIds, access.visible(actor, "c")).stream()
                .collect(Collectors.toMap(LastFollowUp::contactId, f -> f));
    }

    @Transactional
    public FollowUp update(
            Actor actor,
            UUID contactId,
            UUID id,
            @Nullable String type,
            @Nullable String content,
            @Nullable OffsetDateTime at,
            @Nullable Long expectedVersion) {
        FollowUp current = own(actor, contactId, id);
        LiaisonException.requireVersion(expectedVersion, current.version());
        String newType = type == null ? current.type() : type;
        String newContent = content == null ? current.content() : content;
        OffsetDateTime newAt = at == null ? current.occurredAt() : at;
        validate(newType, newContent, newAt);
        if (!followUps.update(actor.orgId(), id, newType, newContent.trim(), newAt, current.version())) {
            throw LiaisonException.stale(current.version(), current.version() + 1);
        }
        followUps.recomputeLastContacted(actor.orgId(), contactId);
        events.publishEvent(new FollowUpRecorded(
                actor.orgId(),
                actor.memberId(),
                contactId,
                id,
                "follow-up.updated",
                Map.of(
                        "type",
                        current.type(),
                        "content",
                        current.content(),
                        FollowUpRecorded.OCCURRED_AT,
                        time(current.occurredAt())),
                Map.of("type", newType, "content", newContent.trim(), FollowUpRecorded.OCCURRED_AT, time(newAt))));
        return followUps.find(actor.orgId(), contactId, id).orElseThrow();
    }

    @Transactional
    public void delete(Actor actor, UUID contactId, UUID id) {
        FollowUp current = own(actor, contactId, id);
        followUps.delete(actor.orgId(), id);
        followUps.recomputeLastContacted(actor.orgId(), contactId);
        events.publishEvent(new FollowUpRecorded(
                actor.orgId(),
                actor.memberId(),
                contactId,
                id,
                "follow-up.deleted",
                Map.of(
                        "type",
                        current.type(),
                        "content",
                        current.content(),
                        FollowUpRecorded.OCCURRED_AT,
                        time(current.occurredAt())),
                Map.of()));
    }

    /** A follow-up's time as its events carry it: the instant, in ISO-8601. */
    private static String time(OffsetDateTime at) {
        return at.toInstant().toString();
    }

    private FollowUp own(Actor actor, UUID contactId, UUID id) {
        contacts.get(actor, contactId);
        FollowUp followUp = followUps
                .find(actor.orgId(), contactId, id)
                .orElseThrow(() -> LiaisonException.notFound("follow-up", id));
        if (!followUp.authorId().equals(actor.memberId())) {
            throw LiaisonException.forbidden("forbidden.change-another-member-s-follow-up");
        }
        return followUp;
    }

    private static void validate(@Nullable String type, @Nullable String content, OffsetDateTime at) {
        Validation v = new Validation();
        if (type == null || !FollowUp.TYPES.contains(type)) {
            v.reject("type", "invalid.follow-up-type");
        }
        if (content == null || content.isBlank() || content.length() > MAX_CONTENT) {
            v.reject("content", "invalid.length", 1, MAX_CONTENT);
        }
        if (at.isAfter(OffsetDateTime.now().plusDays(1))) {
            v.reject("occurredAt", "invalid.not-future");
        } else if (!Times.storable(at)) {
            v.reject("occurredAt", Times.RULE);
        }
        v.throwIfInvalid();
    }
}
