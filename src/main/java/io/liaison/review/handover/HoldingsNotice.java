package io.liaison.review.handover;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberDeactivated;
import io.liaison.identity.MemberHoldings;
import io.liaison.identity.MemberService;
import io.liaison.identity.MemberUpdated;
import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.Notifications;
import io.liaison.review.HandedOver;
import io.liaison.review.ReviewPermissions;
import io.liaison.shared.Message;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Nothing a leaving member held goes unnoticed: when a member is deactivated, or leaves one of their
 * departments, while still following contacts, owning groups or assigned open tasks, the
 * administrators are told, with a link to the hand-over; once a hand-over leaves nothing behind, that notification is settled. The member list
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
        if (event.wasActive()) {
            tell(event.orgId(), event.actorId(), event.memberId(), "review.handover.notice.title");
        }
    }

    /** A member who left one of their departments may leave customers that someone else there should take over. */
    @ApplicationModuleListener
    void on(MemberUpdated event) {
        Set<String> left = texts(event.changedBefore().get("departmentIds"));
        left.removeAll(texts(event.changedAfter().get("departmentIds")));
        if (event.changedBefore().containsKey("departmentIds") && !left.isEmpty()) {
            tell(event.orgId(), event.actorId(), event.memberId(), "review.handover.moved.title");
        }
    }

    private void tell(UUID orgId, @Nullable UUID actorId, UUID memberId, String title) {
        List<UUID> admins = members.administrators(orgId);
        Optional<Actor> reader = Optional.ofNullable(actorId)
                .flatMap(id -> members.actor(orgId, id))
                .or(() -> admins.stream()
                        .map(id -> members.actor(orgId, id))
                        .flatMap(Optional::stream)
                        .findFirst());
        if (reader.isEmpty()) {
            return;
        }
        HandOvers.Holdings h = handOvers.count(reader.get(), memberId, null);
        if (!h.any()) {
            return;
        }
        String name = jdbc.sql("SELECT display_name FROM member WHERE org_id = ? AND id = ?")
                .params(orgId, memberId)
                .query(String.class)
                .single();
        notifications.raiseAll(admins.stream()
                .map(admin -> new NewNotification(
                        orgId,
                        admin,
                        KIND,
                        Message.of(title, name, h.contacts(), h.conversations(), h.tasks()),
                        Message.of("review.handover.notice.body", name),
                        link(memberId)))
                .toList());
    }

    private static Set<String> texts(@Nullable Object value) {
        Set<String> texts = new HashSet<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> texts.add(String.valueOf(item)));
        }
        return texts;
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
