package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID orgId,
            UUID id,
            UUID memberId,
            String name,
            String hash,
            String hint,
            String scope,
            @Nullable OffsetDateTime expires) {
        jdbc.sql("""
                        INSERT INTO api_token (id, org_id, member_id, name, token_hash, hint, scope, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(id, orgId, memberId, name, hash, hint, scope, expires)
                .update();
    }

    List<ApiToken> findByMember(UUID orgId, UUID memberId, @Nullable String scope) {
        return jdbc.sql("""
                        SELECT id, name, hint, scope, created_at, last_used_at, expires_at FROM api_token
                         WHERE org_id = ? AND member_id = ? AND revoked_at IS NULL AND (?::text IS NULL OR scope = ?)
                         ORDER BY created_at DESC, id DESC
                        """)
                .params(orgId, memberId, scope, scope)
                .query(ApiToken.class)
                .list();
    }

    Optional<ApiToken> find(UUID orgId, UUID memberId, UUID id) {
        return jdbc.sql("""
                        SELECT id, name, hint, scope, created_at, last_used_at, expires_at FROM api_token
                         WHERE org_id = ? AND member_id = ? AND id = ? AND revoked_at IS NULL
                        """).params(orgId, memberId, id).query(ApiToken.class).optional();
    }

    void revoke(UUID orgId, UUID id) {
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE org_id = ? AND id = ? AND revoked_at IS NULL")
                .params(orgId, id)
                .update();
    }

    /** Whether {@code hash} is a live app password of the member; its use is recorded as {@link #touch} does. */
    boolean appPassword(UUID orgId, UUID memberId, String hash) {
        boolean live =
                jdbc.sql("""
                        SELECT count(*) > 0 FROM api_token
                         WHERE token_hash = ? AND org_id = ? AND member_id = ? AND scope = 'carddav'
                           AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
                        """).params(hash, orgId, memberId).query(Boolean.class).single();
        if (live) {
            touch(hash);
        }
        return live;
    }

    /** Records use at minute precision, so that a busy script does not write on every call. */
    void touch(String hash) {
        jdbc.sql("""
                        UPDATE api_token SET last_used_at = now()
                         WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
                        """).param(hash).update();
    }
}
