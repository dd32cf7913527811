package io.liaison.identity;

import io.liaison.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clients that have logged in as a member. A device cookie holds a random token; only its SHA-256 is
 * stored, so that the table alone lets nobody present a device.
 */
@Repository
class LoginDeviceRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    LoginDeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Device(UUID id, UUID orgId, UUID memberId) {}

    /** The device of this token, unless it is unknown, void or older than {@code lifetime}. */
    Optional<Device> find(String token, Duration lifetime) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, org_id, member_id FROM login_device
                         WHERE token_hash = ? AND revoked_at IS NULL
                           AND last_login_at > now() - make_interval(secs => ?)
                        """)
                .params(hash(token), lifetime.toSeconds())
                .query(Device.class)
                .optional();
    }

    /** A new device of the member, keeping only its {@code keep} most recently used; returns the token. */
    String add(UUID orgId, UUID memberId, int keep) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("INSERT INTO login_device (id, org_id, member_id, token_hash) VALUES (?, ?, ?, ?)")
                .params(Ids.newId(), orgId, memberId, hash(token))
                .update();
        jdbc.sql("""
                        DELETE FROM login_device WHERE org_id = ? AND member_id = ? AND id NOT IN (
                            SELECT id FROM login_device WHERE org_id = ? AND member_id = ?
                             ORDER BY last_login_at DESC, id DESC LIMIT ?)
                        """).params(orgId, memberId, orgId, memberId, keep).update();
        return token;
    }

    void touch(UUID deviceId) {
        jdbc.sql("UPDATE login_device SET last_login_at = now() WHERE id = ?")
                .param(deviceId)
                .update();
    }

    /** The device's cookie no longer vouches for it: too many failures came with it. */
    void revoke(UUID deviceId) {
        jdbc.sql("UPDATE login_device SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
                .param(deviceId)
                .update();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
