package io.liaison.notify;

import io.liaison.channel.Channels;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's own choice, per kind, of the bell, e-mail and their own robot, and their quiet hours. */
@Service
public class NotificationPreferences {

    /** One kind's route. {@code channelId} is one of the member's personal robots, or {@code null}. */
    public record KindChoice(
            @Schema(maxLength = 100, example = "contact.shared")
            String kind,

            @Schema(example = "true") boolean inApp,
            @Schema(example = "false") boolean email,
            @Nullable UUID channelId) {}

    /** Quiet hours in the member's time zone; {@code starts} after {@code ends} spans midnight. */
    public record QuietHours(
            @Schema(type = "string", pattern = TIME, example = "22:00")
            LocalTime starts,

            @Schema(type = "string", pattern = TIME, example = "08:00")
            LocalTime ends) {}

    /** One of the member's own robots, to route a kind to. */
    public record Robot(
            UUID id,
            @Schema(example = "我的钉钉机器人") String name,
            @Schema(example = "dingtalk") String kind) {}

    private static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";

    /** Everything the preferences page shows and the API answers. */
    public record View(
            List<KindChoice> kinds,
            @Nullable QuietHours quietHours,
            String timeZone,
            boolean emailConfigured,
            @Nullable String emailAddress,
            List<Robot> robots) {}

    private final PreferenceRepository rows;
    private final NotificationKinds kinds;
    private final NotificationDeliveries deliveries;
    private final Channels channels;
    private final MemberService members;

    NotificationPreferences(
            PreferenceRepository rows,
            NotificationKinds kinds,
            NotificationDeliveries deliveries,
            Channels channels,
            MemberService members) {
        this.rows = rows;
        this.kinds = kinds;
        this.deliveries = deliveries;
        this.channels = channels;
        this.members = members;
    }

    /** Every registered kind with the actor's route for it (their choice, else its defaults). */
    @Transactional(readOnly = true)
    public View get(Actor actor) {
        List<KindChoice> choices = new ArrayList<>();
        for (NotificationKind kind : kinds.all()) {
            var route = deliveries.route(actor.orgId(), actor.memberId(), kind);
            choices.add(new KindChoice(kind.code(), route.inApp(), route.email(), route.channelId()));
        }
        var quiet = rows.quietHours(actor.orgId(), actor.memberId())
                .map(q -> new QuietHours(q.starts(), q.ends()))
                .orElse(null);
        return new View(
                choices,
                quiet,
                actor.timeZone().getId(),
                channels.emailConfigured(),
                members.get(actor, actor.memberId()).email(),
                channels.personal(actor.orgId(), actor.memberId()).stream()
                        .map(c -> new Robot(c.id(), c.name(), c.kind().code()))
                        .toList());
    }

    /**
     * Replaces the actor's choices (a kind left out goes back to its defaults) and quiet hours
     * ({@code null}: none). Unknown kinds, another's robot, e-mail without an address on the member,
     * and quiet hours that start when they end are refused, naming the field.
     */
    @Transactional
    public View put(Actor actor, List<KindChoice> choices, @Nullable QuietHours quiet) {
        if (choices.size() > kinds.all().size()) {
            throw LiaisonException.tooMany("kinds", kinds.all().size());
        }
        Set<UUID> robots = new HashSet<>();
        channels.personal(actor.orgId(), actor.memberId()).forEach(c -> robots.add(c.id()));
        String address = members.get(actor, actor.memberId()).email();
        Set<String> seen = new HashSet<>();
        List<PreferenceRepository.Choice> clean = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            KindChoice c = choices.get(i);
            String field = "kinds[" + i + "]";
            if (c.kind() == null || kinds.find(c.kind()).isEmpty()) {
                throw LiaisonException.invalid(field + ".kind", "invalid.notify-unknown-kind");
            }
            if (!seen.add(c.kind())) {
                throw LiaisonException.invalid(field + ".kind", "invalid.notify-kind-twice");
            }
            if (c.email() && (address == null || address.isBlank())) {
                throw LiaisonException.invalid(field + ".email", "invalid.notify-no-email-address");
            }
            if (c.channelId() != null && !robots.contains(c.channelId())) {
                throw LiaisonException.invalid(field + ".channelId", "invalid.notify-not-your-robot");
            }
            clean.add(new PreferenceRepository.Choice(c.kind(), c.inApp(), c.email(), c.channelId()));
        }
        if (quiet != null
                && (quiet.starts() == null
                        || quiet.ends() == null
                        || quiet.starts().equals(quiet.ends()))) {
            throw LiaisonException.invalid("quietHours", "invalid.notify-quiet-hours");
        }
        rows.replace(
                actor.orgId(),
                actor.memberId(),
                clean,
                quiet == null ? null : new PreferenceRepository.QuietHours(quiet.starts(), quiet.ends()));
        return get(actor);
    }
}
