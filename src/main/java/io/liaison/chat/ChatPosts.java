package io.liaison.chat;

import io.liaison.identity.Actor;
import java.util.UUID;

/** Posts into a conversation for another module, such as a push to customer groups; implemented by {@code chat}. */
public interface ChatPosts {

    /**
     * Posts {@code text} (Markdown) as the member into the conversation, as the API does, in the
     * caller's transaction: refused as the API refuses (404 when they are not in it; 403 when muted or
     * only admins post; 409 when it was dissolved), which leaves that transaction to roll back.
     */
    void post(Actor author, UUID conversationId, String text);
}
