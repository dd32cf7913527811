package io.liaison.chat.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits of group chats: at most {@code liaison.chat.max-participants} participants in a
 * conversation ({@code LIAISON_CHAT_MAX_PARTICIPANTS}), and a message recalled by its author within
 * {@code liaison.chat.recall-window} of posting it ({@code LIAISON_CHAT_RECALL_WINDOW}).
 */
@ConfigurationProperties("liaison.chat")
public record ChatSettings(
        @DefaultValue("500") int maxParticipants,
        @DefaultValue("2m") Duration recallWindow) {

    public ChatSettings {
        if (maxParticipants < 2) {
            throw new IllegalArgumentException(
                    "LIAISON_CHAT_MAX_PARTICIPANTS must be 2 or more, not " + maxParticipants);
        }
        if (recallWindow.isNegative()) {
            throw new IllegalArgumentException("LIAISON_CHAT_RECALL_WINDOW must not be negative, not " + recallWindow);
        }
    }
}
