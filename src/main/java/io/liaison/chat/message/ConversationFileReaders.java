package io.liaison.chat.message;

import io.liaison.chat.ChatUser;
import io.liaison.chat.FileReaders;
import io.liaison.shared.LiaisonException;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A file is readable by the participants of a conversation in which a message not recalled carries
 * it; a guest, only where the group lets guests download files (else a 403 that says so).
 */
@Component
class ConversationFileReaders implements FileReaders {

    private final MessageRepository messages;

    ConversationFileReaders(MessageRepository messages) {
        this.messages = messages;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(ChatUser user, UUID fileId) {
        Boolean readable = messages.readable(user, fileId);
        if (readable == null) {
            return false;
        }
        if (!readable) {
            throw LiaisonException.forbidden("forbidden.guest-download");
        }
        return true;
    }
}
