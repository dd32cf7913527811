package io.liaison.review.handover;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberDeactivated;
import io.liaison.identity.MemberHoldings;
import io.liaison.identity.MemberService;
import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.Notifications;
import io.liaison.review.HandedOver;
import io.liaison.review.ReviewPermissions;
import io.liaison.shared.Message;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Nothing a leaving member held goes unnoticed: when a member is deactivated while still following
 * contacts, owning groups or assigned open tasks, the administrators are told, with a link to the
 * hand-over; once a hand-over leaves nothing behind, that notification is settled. The member list
 * asks the same counts ({@link MemberHoldings}) to show the deactivation as not complete.
 */
@Configuration(proxyBeanMethods = false)
class HoldingsNotice implements MemberHoldings {

    static final String KIND = "review.handover";

    private final HandOvers handOvers;
    private final MemberService members;
    private final Notifications notifications;
    private final JdbcClient jdbc;

    HoldingsNotice(HandOvers handOvers, MemberService members, Notifications notifications, JdbcClient jdbc) {
        this.handOvers = handOvers;
        this.members = members;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @Bean
    static NotificationKind handOverNeeded() {
        return new NotificationKind(KIND, "notify.kind.review.handover", false, Set.of(NotificationKind.IN_APP));
    }

    static String link(UUID memberId) {
        return "/review/hand-overs/" + memberId;
    }

    @Override
    public Map<UUID, Held> held(Actor actor, Collection<UUID> memberIds) {
        Map<UUID, Held> held = new LinkedHashMap<>();
        if (!actor.can(ReviewPermissions.HANDOVER)) {
            return held;
        }
        for (UUID id : memberIds) {
            HandOvers.Holdings h = handOvers.count(actor, id, null);
            if (h.any()) {
                held.put(id, new Held(h.contacts(), h.conversations(), h.tasks(), link(id)));
            }
        }
        return held;
    }

    @ApplicationModuleListener
    void on(MemberDeactivated event) {
        if (!event.wasActive()) {
            return;
        }
        List<UUID> admins = members.administrators(event.orgId());
        Optional<Actor> reader = Optional.ofNullable(event.actorId())
                .flatMap(id -> members.actor(event.orgId(), id))
                .or(() -> admins.stream()
                        .map(id -> members.actor(event.orgId(), id))
                        .flatMap(Optional::stream)
                        .findFirst());
        if (reader.isEmpty()) {
            return;
        }
        HandOvers.Holdings h = handOvers.count(reader.get(), event.memberId(), null);
        if (!h.any()) {
            return;
        }
        String name = jdbc.sql("SELECT display_name FROM member WHERE org_id = ? AND id = ?")
                .params(event.orgId(), event.memberId())
                .query(String.class)
                .single();
        notifications.raiseAll(admins.stream()
                .map(admin -> new NewNotification(
                        event.orgId(),
                        admin,
                        KIND,
                        Message.of("review.handover.notice.title", name, h.contacts(), h.conversations(), h.tasks()),
                        Message.of("review.handover.notice.body", name),
                        link(event.memberId())))
                .toList());
    }

    @ApplicationModuleListener
    void on(HandedOver event) {
        Optional<Actor> reader = Optional.ofNullable(event.actorId()).flatMap(id -> members.actor(event.orgId(), id));
        if (reader.isPresent()
                && !handOvers.count(reader.get(), event.memberId(), null).any()) {
            notifications.settle(event.orgId(), KIND, link(event.memberId()));
        }
    }
}
