package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An invitation not yet used, revoked or expired, without its token (which is never stored): who it
 * invites, where its link was sent, and who made it, a member ({@code invitedBy}) or a guest ({@code
 * invitedByGuest}).
 */
public record OpenInvitation(
        UUID id,
        UUID contactId,
        @Nullable String email,
        @Nullable UUID invitedBy,
        @Nullable UUID invitedByGuest,
        OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {}
