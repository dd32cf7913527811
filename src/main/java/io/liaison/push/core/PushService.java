package io.liaison.push.core;

import io.liaison.channel.ChannelSummary;
import io.liaison.channel.Channels;
import io.liaison.identity.Actor;
import io.liaison.identity.OrganizationService;
import io.liaison.push.PushApproved;
import io.liaison.push.PushPermissions;
import io.liaison.push.PushScheduled;
import io.liaison.push.audience.Audience;
import io.liaison.push.audience.Audiences;
import io.liaison.push.audience.Caps;
import io.liaison.push.settings.PushSettings;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.push.template.PushTemplate;
import io.liaison.push.template.PushTemplates;
import io.liaison.push.template.TemplateRenderer;
import io.liaison.shared.CursorPage;
import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pushes for the members who send them ({@code push.send}) and those who approve them ({@code
 * push.approve}): a sender sees and cancels their own pushes, an approver every push of the
 * organization. A new push is counted against the organization's limits, held for approval past its
 * threshold, and otherwise scheduled for its time ({@link PushSender} sends it).
 */
@Service
public class PushService {

    public static final int MAX_NAME = 200;
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;
    /** How far ahead a push may be scheduled. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);

    private final PushRepository pushes;
    private final RecipientQueries recipientQueries;
    private final Audiences audiences;
    private final PushSettingsService settings;
    private final OrganizationService organizations;
    private final Channels channels;
    private final PushSender sender;
    private final TemplateRenderer renderer;
    private final PushTemplates templates;
    private final ApplicationEventPublisher events;

    PushService(
            PushRepository pushes,
            RecipientQueries recipientQueries,
            Audiences audiences,
            PushSettingsService settings,
            OrganizationService organizations,
            Channels channels,
            PushSender sender,
            TemplateRenderer renderer,
            PushTemplates templates,
            ApplicationEventPublisher events) {
        this.pushes = pushes;
        this.recipientQueries = recipientQueries;
        this.audiences = audiences;
        this.settings = settings;
        this.organizations = organizations;
        this.channels = channels;
        this.sender = sender;
        this.renderer = renderer;
        this.templates = templates;
        this.events = events;
    }

    /**
     * What a new push says and whom it reaches: its subject and body, or (both null) a saved template's;
     * {@code scheduledAt} null sends it now.
     */
    public record NewPush(
            String name,
            @Nullable UUID templateId,
            String subject,
            String body,
            Audience audience,
            @Nullable Instant scheduledAt) {}

    /** The recipients a push would have now, by reason ({@code queued}: reached), with its groups and robots. */
    public record Reach(
            @Schema(example = "120") int total,

            @Schema(example = "{\"queued\":100,\"no-address\":12,\"opted-out\":8}")
            Map<String, Integer> contacts,

            int conversations,
            int channels) {}

    @Transactional(readOnly = true)
    public Reach reach(Actor actor, Audience audience) {
        requireSender(actor);
        return count(actor, audience.checked());
    }

    @Transactional
    public PushProgress create(Actor actor, NewPush request) {
        requireSender(actor);
        String name = text("name", request.name(), MAX_NAME);
        String subjectGiven = request.subject();
        String bodyGiven = request.body();
        if (request.templateId() != null && subjectGiven == null && bodyGiven == null) {
            PushTemplate template = templates.get(actor, request.templateId());
            subjectGiven = template.subject();
            bodyGiven = template.body();
        }
        String subject = text("content.subject", subjectGiven, MAX_SUBJECT);
        String body = text("content.body", bodyGiven, MAX_BODY);
        renderer.parse(actor.orgId(), subject, body);
        Audience audience = request.audience().checked();
        Instant now = Instant.now();
        Instant at = request.scheduledAt() == null ? now : request.scheduledAt();
        if (at.isBefore(now.minusSeconds(60)) || at.isAfter(now.plus(MAX_AHEAD))) {
            throw LiaisonException.invalid("scheduledAt", "invalid.push-schedule", MAX_AHEAD.toDays());
        }
        PushSettings rules = settings.get(actor.orgId());
        int size = count(actor, audience).total();
        if (size > rules.maxRecipients()) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "push-too-large", size, rules.maxRecipients());
        }
        String state = rules.needsApproval(size) ? Push.AWAITING_APPROVAL : Push.SCHEDULED;
        UUID id = Ids.newId();
        pushes.insert(
                actor.orgId(),
                new Push(
                        id,
                        name,
                        actor.memberId(),
                        actor.displayName(),
                        request.templateId(),
                        subject,
                        body,
                        audience,
                        state,
                        at,
                        size,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        now,
                        0));
        events.publishEvent(new PushScheduled(actor.orgId(), actor.memberId(), id, name, state, at, size));
        if (state.equals(Push.SCHEDULED)) {
            sender.schedule(actor.orgId(), id, at);
        }
        return progress(actor, id);
    }

    @Transactional(readOnly = true)
    public Push get(Actor actor, UUID id) {
        return pushes.find(actor.orgId(), id)
                .filter(p -> mayRead(actor, p))
                .orElseThrow(() -> LiaisonException.notFound("push", id));
    }

    /** The push with its recipients counted by state. */
    @Transactional(readOnly = true)
    public PushProgress progress(Actor actor, UUID id) {
        Push push = get(actor, id);
        return new PushProgress(push, pushes.counts(actor.orgId(), id));
    }

    /** The caller's pushes (an approver's: everyone's), newest first, with their counts. */
    @Transactional(readOnly = true)
    public CursorPage<PushProgress> list(Actor actor, @Nullable String cursor, int limit) {
        requireSender(actor);
        UUID mine = actor.can(PushPermissions.APPROVE) ? null : actor.memberId();
        CursorPage<Push> page =
                CursorPage.of(pushes.list(actor.orgId(), mine, CursorPage.decode(cursor), limit + 1), limit, Push::id);
        Map<UUID, Map<String, Integer>> counts =
                pushes.counts(actor.orgId(), page.items().stream().map(Push::id).toList());
        return page.map(p -> new PushProgress(p, counts.get(p.id())));
    }

    /** A page of the push's recipients, of {@code state} when given ({@link PushProgress#STATES}). */
    @Transactional(readOnly = true)
    public CursorPage<Recipient> recipients(
            Actor actor, UUID id, @Nullable String state, @Nullable String cursor, int limit) {
        get(actor, id);
        return CursorPage.of(
                recipientQueries.page(actor, id, PushProgress.chosen(state), CursorPage.decode(cursor), limit + 1),
                limit,
                Recipient::id);
    }

    @Transactional
    public PushProgress approve(Actor actor, UUID id) {
        if (!actor.can(PushPermissions.APPROVE)) {
            throw LiaisonException.forbidden("forbidden.approve-push");
        }
        Push push = pushes.lock(actor.orgId(), id).orElseThrow(() -> LiaisonException.notFound("push", id));
        if (!push.state().equals(Push.AWAITING_APPROVAL)) {
            throw new LiaisonException(HttpStatus.CONFLICT, "push-not-awaiting-approval", push.state());
        }
        pushes.approve(actor.orgId(), id, actor.memberId());
        events.publishEvent(new PushApproved(actor.orgId(), actor.memberId(), id));
        Instant at = push.scheduledAt().isBefore(Instant.now()) ? Instant.now() : push.scheduledAt();
        sender.schedule(actor.orgId(), id, at);
        return progress(actor, id);
    }

    /**
     * Cancels a push that has not finished, or whose messages still wait in the delivery queue: what
     * was sent stays, the recipients not yet sent are skipped.
     */
    @Transactional
    public PushProgress cancel(Actor actor, UUID id) {
        Push push = pushes.lock(actor.orgId(), id)
                .filter(p -> mayRead(actor, p))
                .orElseThrow(() -> LiaisonException.notFound("push", id));
        if (!new PushProgress(push, pushes.counts(actor.orgId(), id)).cancellable()) {
            throw new LiaisonException(HttpStatus.CONFLICT, "push-finished", push.state());
        }
        sender.cancel(actor.orgId(), push, actor.memberId(), null);
        return progress(actor, id);
    }

    /** The audience (checked) counted: its contacts by reason, its groups and robots. */
    private Reach count(Actor actor, Audience audience) {
        checkChannels(actor, audience);
        Map<String, Integer> contacts = audiences.count(actor, audience, caps(actor));
        int total = contacts.values().stream().mapToInt(Integer::intValue).sum()
                + audience.conversationIds().size()
                + audience.channelIds().size();
        return new Reach(
                total,
                contacts,
                audience.conversationIds().size(),
                audience.channelIds().size());
    }

    /** The organization's caps as they stand now, in its time zone. */
    Caps caps(Actor actor) {
        ZoneId zone = ZoneId.of(organizations.mine(actor).timeZone());
        return Caps.of(settings.get(actor.orgId()), Instant.now(), zone);
    }

    private static boolean mayRead(Actor actor, Push push) {
        return push.createdBy().equals(actor.memberId()) || actor.can(PushPermissions.APPROVE);
    }

    private static void requireSender(Actor actor) {
        if (!actor.can(PushPermissions.SEND)) {
            throw LiaisonException.forbidden("forbidden.send-push");
        }
    }

    /** A robot or webhook is one of the organization's, or the sender's own, and on. */
    private void checkChannels(Actor actor, Audience audience) {
        for (int i = 0; i < audience.channelIds().size(); i++) {
            UUID channelId = audience.channelIds().get(i);
            ChannelSummary channel = channels.find(actor.orgId(), channelId).orElse(null);
            if (channel == null
                    || !channel.enabled()
                    || (channel.ownerId() != null && !channel.ownerId().equals(actor.memberId()))) {
                throw LiaisonException.invalid("audience.channelIds[" + i + "]", "invalid.push-channel", channelId);
            }
        }
    }

    private static String text(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw LiaisonException.invalid(field, "invalid.length", 1, max);
        }
        return text;
    }
}
