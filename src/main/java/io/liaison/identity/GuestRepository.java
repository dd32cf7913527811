package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Guests and their invitations; every query names the organization, except the token's look-up. */
@Repository
class GuestRepository {

    private static final String GUEST = """
            SELECT g.org_id, g.id, g.contact_id, g.display_name, g.login, o.code AS org_code,
                   o.name AS org_name, o.locale, o.time_zone
              FROM guest g JOIN organization o ON o.id = g.org_id
            """;

    private final JdbcClient jdbc;

    GuestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation as the join page and {@link Guests#accept} see it. */
    record Invitation(
            UUID orgId,
            UUID id,
            UUID contactId,
            UUID scopeId,
            @Nullable String email,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime usedAt,
            @Nullable OffsetDateTime revokedAt,
            @Nullable UUID invitedBy,
            String orgLocale) {}

    record Credentials(UUID orgId, UUID id, String passwordHash) {}

    void insertInvitation(
            UUID orgId,
            UUID id,
            UUID contactId,
            UUID scopeId,
            @Nullable String email,
            byte[] tokenHash,
            @Nullable UUID invitedBy,
            @Nullable UUID invitedByGuest,
            OffsetDateTime expiresAt) {
        jdbc.sql("""
                        INSERT INTO guest_invitation (org_id, id, contact_id, scope_id, email, token_hash, invited_by,
                                                      invited_by_guest, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(orgId, id, contactId, scopeId, email, tokenHash, invitedBy, invitedByGuest, expiresAt)
                .update();
    }

    List<OpenInvitation> openIn(UUID orgId, UUID scopeId, int limit) {
        return jdbc.sql("""
                        SELECT id, contact_id, email, invited_by, invited_by_guest, created_at, expires_at
                          FROM guest_invitation
                         WHERE org_id = ? AND scope_id = ? AND used_at IS NULL AND revoked_at IS NULL
                           AND expires_at > now()
                         ORDER BY created_at, id LIMIT ?
                        """)
                .params(orgId, scopeId, limit)
                .query(OpenInvitation.class)
                .list();
    }

    boolean revokeIn(UUID orgId, UUID scopeId, UUID id) {
        return jdbc.sql("""
                        UPDATE guest_invitation SET revoked_at = now()
                         WHERE org_id = ? AND scope_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL
                        """).params(orgId, scopeId, id).update() == 1;
    }

    /** The invitation with this token hash, locked when {@code lock} so that it is used once. */
    Optional<Invitation> invitationByToken(byte[] tokenHash, boolean lock) {
        return jdbc.sql("""
                        SELECT i.org_id, i.id, i.contact_id, i.scope_id, i.email, i.expires_at, i.used_at,
                               i.revoked_at, i.invited_by, o.locale AS org_locale
                          FROM guest_invitation i JOIN organization o ON o.id = i.org_id
                         WHERE i.token_hash = ?
                        """ + (lock ? " FOR UPDATE OF i" : ""))
                .param(tokenHash)
                .query(Invitation.class)
                .optional();
    }

    /** Who made the organization's open invitation (a member, or a guest), to revoke it. */
    Optional<UUID> invitedBy(UUID orgId, UUID id) {
        return jdbc.sql("""
                        SELECT coalesce(invited_by, invited_by_guest) FROM guest_invitation
                         WHERE org_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL
                        """).params(orgId, id).query(UUID.class).optional();
    }

    void revoke(UUID orgId, UUID id) {
        jdbc.sql("UPDATE guest_invitation SET revoked_at = now() WHERE org_id = ? AND id = ? AND revoked_at IS NULL")
                .params(orgId, id)
                .update();
    }

    void used(UUID orgId, UUID id, UUID guestId) {
        jdbc.sql("UPDATE guest_invitation SET used_at = now(), guest_id = ? WHERE org_id = ? AND id = ?")
                .params(guestId, orgId, id)
                .update();
    }

    /** Revokes the contact's invitations not yet used, so that none of them reopens access. */
    void revokeOpen(UUID orgId, UUID contactId) {
        jdbc.sql("""
                        UPDATE guest_invitation SET revoked_at = now()
                         WHERE org_id = ? AND contact_id = ? AND used_at IS NULL AND revoked_at IS NULL
                        """).params(orgId, contactId).update();
    }

    void insertGuest(UUID orgId, UUID id, UUID contactId, String displayName, String login, String passwordHash) {
        jdbc.sql("""
                        INSERT INTO guest (org_id, id, contact_id, display_name, login, password_hash)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(orgId, id, contactId, displayName, login, passwordHash)
                .update();
    }

    boolean loginTaken(UUID orgId, String login) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM guest
                                        WHERE org_id = ? AND lower(login) = lower(?) AND disabled_at IS NULL)
                        """).params(orgId, login).query(Boolean.class).single();
    }

    /** The guest with access, if any. */
    Optional<Guest> find(UUID orgId, UUID id) {
        return jdbc.sql(GUEST + " WHERE g.org_id = ? AND g.id = ? AND g.disabled_at IS NULL")
                .params(orgId, id)
                .query(Guest.class)
                .optional();
    }

    /** The contact's guest with access, if any. */
    Optional<Guest> findByContact(UUID orgId, UUID contactId) {
        return jdbc.sql(GUEST + " WHERE g.org_id = ? AND g.contact_id = ? AND g.disabled_at IS NULL")
                .params(orgId, contactId)
                .query(Guest.class)
                .optional();
    }

    Optional<Credentials> credentials(UUID orgId, String login) {
        return jdbc.sql("""
                        SELECT org_id, id, password_hash FROM guest
                         WHERE org_id = ? AND lower(login) = lower(?) AND disabled_at IS NULL
                        """).params(orgId, login).query(Credentials.class).optional();
    }

    Optional<String> passwordHash(UUID orgId, UUID id) {
        return jdbc.sql("SELECT password_hash FROM guest WHERE org_id = ? AND id = ? AND disabled_at IS NULL")
                .params(orgId, id)
                .query(String.class)
                .optional();
    }

    void setPassword(UUID orgId, UUID id, String passwordHash) {
        jdbc.sql("UPDATE guest SET password_hash = ? WHERE org_id = ? AND id = ?")
                .params(passwordHash, orgId, id)
                .update();
    }

    void setDisplayName(UUID orgId, UUID id, String displayName) {
        jdbc.sql("UPDATE guest SET display_name = ? WHERE org_id = ? AND id = ?")
                .params(displayName, orgId, id)
                .update();
    }

    /** Disables the contact's guests with access and answers their ids. */
    List<UUID> disable(UUID orgId, UUID contactId) {
        return jdbc.sql("""
                        UPDATE guest SET disabled_at = now()
                         WHERE org_id = ? AND contact_id = ? AND disabled_at IS NULL
                        RETURNING id
                        """).params(orgId, contactId).query(UUID.class).list();
    }

    /** Ends every browser session of these guests at once, on every node (sessions live in the database). */
    void deleteSessions(List<UUID> guestIds) {
        for (UUID id : guestIds) {
            jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                    .param(Guests.principalName(id))
                    .update();
        }
    }

    /** The organization's id by its code, for the guests' login page. */
    Optional<UUID> orgByCode(String code) {
        return jdbc.sql("SELECT id FROM organization WHERE code = lower(?)")
                .param(code)
                .query(UUID.class)
                .optional();
    }
}
