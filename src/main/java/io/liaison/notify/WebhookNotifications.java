package io.liaison.notify;

import io.liaison.identity.MemberService;
import io.liaison.integration.WebhookDisabled;
import io.liaison.shared.Message;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells the organization's administrators that the system turned a webhook endpoint off because its
 * deliveries kept failing: the other system no longer learns of changes until someone fixes the
 * receiver and switches the endpoint on again. Urgent, on the bell and by e-mail by default. See
 * {@link ContactNotifications} for why this is an {@code @ApplicationModuleListener}.
 */
@Configuration(proxyBeanMethods = false)
class WebhookNotifications {

    static final String DISABLED = "webhook-disabled";

    private final Notifications notifications;
    private final MemberService members;

    WebhookNotifications(Notifications notifications, MemberService members) {
        this.notifications = notifications;
        this.members = members;
    }

    @Bean
    static NotificationKind webhookDisabled() {
        return new NotificationKind(
                DISABLED,
                "notify.kind.webhook-disabled",
                true,
                Set.of(NotificationKind.IN_APP, NotificationKind.EMAIL));
    }

    @ApplicationModuleListener
    void on(WebhookDisabled event) {
        String host = URI.create(event.url()).getHost();
        for (UUID member : members.administrators(event.orgId())) {
            notifications.raise(new NewNotification(
                    event.orgId(),
                    member,
                    DISABLED,
                    Message.of("notify.webhook-disabled.title", host == null ? event.url() : host),
                    Message.of("notify.webhook-disabled.body", event.failures(), event.days()),
                    "/integrations/webhooks/" + event.endpointId()));
        }
    }
}
