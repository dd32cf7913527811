package io.liaison.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token as its owner sees it in a list: never the secret, only its last characters. */
public record ApiToken(
        UUID id,
        @Schema(example = "CRM 同步") String name,

        @Schema(description = "The last characters of the secret, to tell tokens apart.", example = "…9f3a")
        String hint,

        OffsetDateTime createdAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime expiresAt) {

    /** The answer to creating a token: the only time its secret is shown. */
    public record Issued(ApiToken token, String secret) {}
}
