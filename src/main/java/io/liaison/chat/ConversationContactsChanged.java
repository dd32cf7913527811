package io.liaison.chat;

import java.util.List;
import java.util.UUID;

/**
 * The contacts an external group is linked to changed, from {@code before} to {@code after}: members'
 * messages there count for the contacts linked now. Published in the transaction of the change.
 */
public record ConversationContactsChanged(UUID orgId, UUID conversationId, List<UUID> before, List<UUID> after) {

    public ConversationContactsChanged {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
