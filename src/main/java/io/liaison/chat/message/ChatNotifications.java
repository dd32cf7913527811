package io.liaison.chat.message;

import io.liaison.chat.MessagePosted;
import io.liaison.notify.NewNotification;
import io.liaison.notify.NotificationKind;
import io.liaison.notify.Notifications;
import io.liaison.shared.Message;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Tells the participants a message @mentions (everyone in the conversation for @all) that they were
 * mentioned, after the message's commit (see {@code notify.ContactNotifications} for the pattern).
 * The author is never told of their own mention, and someone who left in between is not told.
 */
@Configuration(proxyBeanMethods = false)
class ChatNotifications {

    static final String MENTION = "chat.mention";
    private static final int SNIPPET = 200;

    private final Notifications notifications;
    private final MessageRepository messages;

    ChatNotifications(Notifications notifications, MessageRepository messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @Bean
    static NotificationKind chatMention() {
        return new NotificationKind(MENTION, "notify.kind.chat.mention", false, Set.of(NotificationKind.IN_APP));
    }

    @ApplicationModuleListener
    void on(MessagePosted event) {
        if (event.mentionIds().isEmpty() && !event.mentionsAll()) {
            return;
        }
        MessageRepository.Notice notice =
                messages.notice(event.orgId(), event.messageId()).orElse(null);
        if (notice == null || notice.text() == null) {
            return;
        }
        Object where = notice.conversation() == null ? Message.of("notify.chat.direct") : notice.conversation();
        String text = notice.text().length() > SNIPPET ? notice.text().substring(0, SNIPPET) + "…" : notice.text();
        for (UUID member :
                messages.participants(event.orgId(), event.conversationId(), event.mentionIds(), event.mentionsAll())) {
            if (member.equals(event.authorId())) {
                continue;
            }
            notifications.raise(new NewNotification(
                    event.orgId(),
                    member,
                    MENTION,
                    Message.of("notify.chat.mention.title", notice.author(), where),
                    Message.of("notify.chat.mention.body", text),
                    "/conversations/" + event.conversationId()));
        }
    }
}
