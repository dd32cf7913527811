package io.liaison.notify;

import io.liaison.channel.ChannelSummary;
import io.liaison.channel.Channels;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonProperties;
import io.liaison.shared.QuietHoursEnd;
import io.liaison.shared.StoredMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where one notification goes besides the bell, by the recipient's choice for its kind (else the
 * kind's defaults): queued through {@link Deliveries} in the raising transaction, said in the
 * recipient's language, and for a non-urgent kind held back to the end of their quiet hours.
 */
@Component
class NotificationDeliveries {

    /** What a member wants for one kind. */
    record Route(boolean inApp, boolean email, @Nullable UUID channelId) {}

    private final PreferenceRepository preferences;
    private final Channels channels;
    private final Deliveries deliveries;
    private final MemberService members;
    private final StoredMessages messages;
    private final LiaisonProperties properties;
    private final Clock clock = Clock.systemUTC();

    NotificationDeliveries(
            PreferenceRepository preferences,
            Channels channels,
            Deliveries deliveries,
            MemberService members,
            StoredMessages messages,
            LiaisonProperties properties) {
        this.preferences = preferences;
        this.channels = channels;
        this.deliveries = deliveries;
        this.members = members;
        this.messages = messages;
        this.properties = properties;
    }

    /** The member's route for a kind: their stored choice, else the kind's defaults. */
    Route route(UUID orgId, UUID memberId, NotificationKind kind) {
        return route(
                orgId,
                memberId,
                kind,
                preferences.choice(orgId, memberId, kind.code()).orElse(null));
    }

    /** The member's route for a kind given their stored choice for it, if any. */
    Route route(UUID orgId, UUID memberId, NotificationKind kind, PreferenceRepository.@Nullable Choice stored) {
        if (stored != null) {
            return new Route(stored.inApp(), stored.email(), stored.channelId());
        }
        return new Route(
                kind.defaults().contains(NotificationKind.IN_APP),
                kind.defaults().contains(NotificationKind.EMAIL),
                kind.defaults().contains(NotificationKind.ROBOT)
                        ? channels.personal(orgId, memberId).stream()
                                .findFirst()
                                .map(ChannelSummary::id)
                                .orElse(null)
                        : null);
    }

    /**
     * Queues the notification's e-mail and robot deliveries that the active recipient's route asks
     * for and answers whether it belongs on their bell.
     */
    boolean queue(UUID id, NotificationKind kind, NewNotification n, Actor recipient, Route route) {
        @Nullable
        String address = route.email() ? members.get(recipient, n.memberId()).email() : null;
        @Nullable UUID channel = route.channelId() != null && ownRobot(n, route.channelId()) ? route.channelId() : null;
        if (address != null || channel != null) {
            OutboundMessage message = message(n, recipient);
            DeliveryOrigin origin = new DeliveryOrigin("notify", id, kind.urgent());
            Instant notBefore = kind.urgent() ? null : quietEnd(recipient);
            if (address != null) {
                deliveries.queue(n.orgId(), Destination.email(address), message, origin, notBefore);
            }
            if (channel != null) {
                deliveries.queue(n.orgId(), Destination.channel(channel), message, origin, notBefore);
            }
        }
        return route.inApp();
    }

    private boolean ownRobot(NewNotification n, UUID channelId) {
        List<ChannelSummary> own = channels.personal(n.orgId(), n.memberId());
        return own.stream().anyMatch(c -> c.id().equals(channelId));
    }

    private @Nullable Instant quietEnd(Actor recipient) {
        return preferences
                .quietHours(recipient.orgId(), recipient.memberId())
                .map(q -> QuietHoursEnd.after(clock.instant(), recipient.timeZone(), q.starts(), q.ends()))
                .orElse(null);
    }

    private OutboundMessage message(NewNotification n, Actor recipient) {
        Locale locale = Locale.forLanguageTag(recipient.locale() == null ? properties.locale() : recipient.locale());
        String title = messages.text(n.title(), locale);
        String body = messages.text(n.body(), locale);
        OutboundMessage message = OutboundMessage.of(title == null ? "" : title, body == null ? "" : body);
        return n.link() == null ? message : message.withLink(stripSlash(properties.baseUrl()) + n.link());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
