package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on creating POSTs: the key is claimed in the same transaction as the
 * creation, so a retry (even a concurrent one, which waits on the claim) gets the first response,
 * and a retry with another body gets a 422. Keys live 24 hours.
 */
@Component
public class Idempotency {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    Idempotency(JdbcClient jdbc, JsonMapper json, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = transaction;
    }

    public ResponseEntity<?> once(
            UUID orgId, UUID memberId, @Nullable String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 200) {
            throw LiaisonException.invalid("Idempotency-Key", "invalid.length", 1, 200);
        }
        String hash = hash(json.writeValueAsString(request));
        return transaction.execute(status -> {
            jdbc.sql("DELETE FROM idempotent_request WHERE org_id = ? AND member_id = ? AND key = ?"
                            + " AND created_at < now() - interval '24 hours'")
                    .params(orgId, memberId, key)
                    .update();
            int claimed = jdbc.sql("""
                            INSERT INTO idempotent_request (org_id, member_id, key, request_hash, status, response)
                            VALUES (?, ?, ?, ?, 0, '') ON CONFLICT DO NOTHING
                            """).params(orgId, memberId, key, hash).update();
            if (claimed == 0) {
                return replay(orgId, memberId, key, hash);
            }
            ResponseEntity<?> response = action.get();
            String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
            jdbc.sql("""
                            UPDATE idempotent_request SET status = ?, response = ?, location = ?
                             WHERE org_id = ? AND member_id = ? AND key = ?
                            """)
                    .params(
                            response.getStatusCode().value(),
                            json.writeValueAsString(response.getBody()),
                            location,
                            orgId,
                            memberId,
                            key)
                    .update();
            return response;
        });
    }

    private ResponseEntity<?> replay(UUID orgId, UUID memberId, String key, String hash) {
        Stored stored =
                jdbc.sql("""
                        SELECT request_hash, status, response, location FROM idempotent_request
                         WHERE org_id = ? AND member_id = ? AND key = ?
                        """).params(orgId, memberId, key).query(Stored.class).single();
        if (!stored.requestHash().equals(hash)) {
            throw new LiaisonException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", key);
        }
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON);
        if (stored.location() != null) {
            builder.header(HttpHeaders.LOCATION, stored.location());
        }
        return builder.header("Idempotent-Replayed", "true").body(stored.response());
    }

    record Stored(
            String requestHash,
            int status,
            String response,
            @Nullable String location) {}

    private static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
