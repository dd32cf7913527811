package io.liaison.chat;

import io.liaison.identity.Actor;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message read for another module, such as a task made of it; implemented by {@code chat}. */
public interface ChatMessages {

    /**
     * The message's text as its reader sees it (empty once recalled or when it carries only files),
     * and for a guest's message the contact the guest is; 404 when the reader is not in the
     * conversation or it has no such message.
     */
    Quoted read(Actor reader, UUID conversationId, UUID messageId);

    /** What a message says and, for a guest's, which contact wrote it. */
    record Quoted(String text, @Nullable UUID guestContactId) {}
}
