package io.liaison.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner sees it in a list: never the secret, only its last characters. A token
 * of scope {@value #CARDDAV} is an app password: it opens the member's address book over CardDAV and
 * nothing else, and no other token opens it.
 */
public record ApiToken(
        UUID id,
        @Schema(example = "CRM 同步") String name,

        @Schema(description = "The last characters of the secret, to tell tokens apart.", example = "…9f3a")
        String hint,

        @Schema(
                description = "api: the API; carddav: an app password for the phone address book (/dav) only.",
                allowableValues = {"api", "carddav"},
                example = "api")
        String scope,

        OffsetDateTime createdAt,
        @Nullable OffsetDateTime lastUsedAt,
        @Nullable OffsetDateTime expiresAt) {

    public static final String API = "api";
    public static final String CARDDAV = "carddav";

    /** The answer to creating a token: the only time its secret is shown. */
    public record Issued(ApiToken token, String secret) {}
}
