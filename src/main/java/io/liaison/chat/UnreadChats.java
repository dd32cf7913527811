package io.liaison.chat;

import io.liaison.identity.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The conversations in which a member has messages they have not read, for another module's page (the
 * workbench); implemented by {@code chat}.
 */
public interface UnreadChats {

    /** A conversation with unread messages: its name as its reader sees it, how many, and the latest's time. */
    record Unread(
            UUID conversationId,
            String name,
            long unread,
            @Nullable Instant lastMessageAt) {}

    /** The member's conversations with unread messages, the most recent message first, at most {@code limit}. */
    List<Unread> latest(Actor actor, int limit);

    /** How many of the member's conversations have unread messages, counted up to {@code cap}. */
    int count(Actor actor, int cap);
}
