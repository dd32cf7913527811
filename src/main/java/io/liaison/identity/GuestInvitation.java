package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invitation of a contact into a conversation ({@code scopeId}). {@code url} carries the one-time
 * token and exists only in the answer to {@link Guests#invite}: only the token's hash is stored.
 */
public record GuestInvitation(
        UUID orgId,
        UUID id,
        UUID contactId,
        UUID scopeId,
        @Nullable String email,
        OffsetDateTime expiresAt,
        String url) {}
