package io.liaison.chat;

import io.liaison.identity.Actor;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The conversations a member takes part in, for another module linking to them (such as a task); implemented by {@code chat}. */
public interface ChatConversations {

    /**
     * Of {@code ids}, the conversations the member is in now (not left, not dissolved), by id, with the
     * name their readers see: a group's name, or a direct conversation's other members.
     */
    Map<UUID, String> joined(Actor actor, Collection<UUID> ids);
}
