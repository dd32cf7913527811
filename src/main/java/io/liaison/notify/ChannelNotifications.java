package io.liaison.notify;

import io.liaison.channel.ChannelFailing;
import io.liaison.identity.MemberService;
import io.liaison.shared.Message;
import io.liaison.shared.StoredMessages;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells the organization's administrators that one of its channels started failing (a personal
 * robot: its owner); a module's hidden channel is that module's to tell of. Urgent, so quiet hours do not hold it back; by default on the bell and by
 * e-mail, never by robot, which may be the one failing. See {@link ContactNotifications} for why
 * this is an {@code @ApplicationModuleListener}.
 */
@Configuration(proxyBeanMethods = false)
class ChannelNotifications {

    static final String FAILING = "channel-failing";

    private final Notifications notifications;
    private final MemberService members;
    private final StoredMessages stored;

    ChannelNotifications(Notifications notifications, MemberService members, StoredMessages stored) {
        this.notifications = notifications;
        this.members = members;
        this.stored = stored;
    }

    @Bean
    static NotificationKind channelFailing() {
        return new NotificationKind(
                FAILING, "notify.kind.channel-failing", true, Set.of(NotificationKind.IN_APP, NotificationKind.EMAIL));
    }

    @ApplicationModuleListener
    void on(ChannelFailing event) {
        if (event.ownerModule() != null) {
            return;
        }
        List<UUID> recipients =
                event.ownerId() != null ? List.of(event.ownerId()) : members.administrators(event.orgId());
        @Nullable Message reason = event.reason() == null ? null : stored.message(event.reason());
        for (UUID member : recipients) {
            notifications.raise(new NewNotification(
                    event.orgId(),
                    member,
                    FAILING,
                    Message.of("notify.channel-failing.title", event.channelName()),
                    reason == null
                            ? Message.of("notify.channel-failing.body", event.failures())
                            : Message.of("notify.channel-failing.body-reason", event.failures(), reason),
                    "/deliveries?channel=" + event.channelId() + "&state=failed"));
        }
    }
}
