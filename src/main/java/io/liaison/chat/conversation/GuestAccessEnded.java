package io.liaison.chat.conversation;

import java.util.UUID;

/**
 * The guest account of contact {@code contactId} lost its access (its sessions are deleted);
 * published in the transaction that ended it, so that the chat socket closes their sockets at once.
 */
public record GuestAccessEnded(UUID orgId, UUID contactId) {}
