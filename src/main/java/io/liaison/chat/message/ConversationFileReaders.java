package io.liaison.chat.message;

import io.liaison.chat.FileReaders;
import io.liaison.identity.Actor;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A file is readable by the participants of a conversation in which a message not recalled carries it. */
@Component
class ConversationFileReaders implements FileReaders {

    private final MessageRepository messages;

    ConversationFileReaders(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(Actor actor, UUID fileId) {
        return messages.readable(actor.orgId(), actor.memberId(), fileId);
    }
}
