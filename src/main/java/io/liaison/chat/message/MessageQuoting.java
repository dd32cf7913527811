package io.liaison.chat.message;

import io.liaison.chat.ChatMessages;
import io.liaison.chat.ChatUser;
import io.liaison.identity.Actor;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link ChatMessages} through the service's read, so that only a participant reads a message. */
@Component
class MessageQuoting implements ChatMessages {

    private final MessageService messages;
    private final JdbcClient jdbc;

    MessageQuoting(MessageService messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Quoted read(Actor reader, UUID conversationId, UUID messageId) {
        MessageRow message = messages.get(ChatUser.of(reader, Locale.SIMPLIFIED_CHINESE), conversationId, messageId);
        UUID contact = message.authorKind().equals(ChatUser.GUEST)
                ? jdbc.sql("SELECT contact_id FROM guest WHERE org_id = ? AND id = ?")
                        .params(reader.orgId(), message.authorId())
                        .query(UUID.class)
                        .optional()
                        .orElse(null)
                : null;
        return new Quoted(Objects.requireNonNullElse(message.text(), ""), contact);
    }
}
