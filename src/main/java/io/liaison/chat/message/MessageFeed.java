package io.liaison.chat.message;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of a conversation in {@code seq} order, for the chat socket: it reads each message
 * once per node and sends it to the sockets of that conversation's participants, whose access it
 * checked when they subscribed and checks again whenever the participants change.
 */
@Service
public class MessageFeed {

    private final MessageRepository messages;

    MessageFeed(MessageRepository messages) {
        this.messages = messages;
    }

    /** At most {@code limit} messages after {@code afterSeq}, oldest first. */
    @Transactional(readOnly = true)
    public List<MessageRow> after(UUID orgId, UUID conversationId, long afterSeq, int limit) {
        return messages.after(orgId, conversationId, afterSeq, limit);
    }
}
