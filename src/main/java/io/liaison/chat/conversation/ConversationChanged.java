package io.liaison.chat.conversation;

import java.util.UUID;

/**
 * A group's name, announcement, settings or links changed, or it was dissolved. Published in the
 * transaction of the change, for the chat socket (within the module).
 */
public record ConversationChanged(UUID orgId, UUID conversationId) {}
