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

    /** How many of the conversations with unread messages {@link Summary#latest()} lists at most. */
    int LATEST = 5;

    /** A conversation with unread messages: its name as its reader sees it, how many, and the latest's time. */
    record Unread(
            UUID conversationId,
            String name,
            long unread,
            @Nullable Instant lastMessageAt) {}

    /**
     * How many of the member's conversations have unread messages, and those with the most recent
     * message first, at most {@link #LATEST}.
     */
    record Summary(int conversations, List<Unread> latest) {}

    /** The member's conversations with unread messages. */
    Summary of(Actor actor);
}
