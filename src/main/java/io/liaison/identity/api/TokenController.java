package io.liaison.identity.api;

import io.liaison.identity.Actor;
import io.liaison.identity.ApiToken;
import io.liaison.identity.TokenService;
import io.liaison.shared.CursorPage;
import io.liaison.shared.web.ProblemResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens. POST also takes HTTP Basic, so that a script can get its first token. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    record CreateTokenRequest(
            @Schema(maxLength = TokenService.MAX_NAME, example = "CRM 同步") @Nullable
            String name,

            @Schema(example = "2027-12-31T00:00:00+08:00") @Nullable
            OffsetDateTime expiresAt,

            @Schema(
                    description = "api (the default) or carddav: an app password for the phone address book only.",
                    allowableValues = {"api", "carddav"},
                    maxLength = 10,
                    example = "api")
            @Nullable
            String scope) {}

    /** The created token with its secret in {@code token}: shown this once, never again. */
    record CreatedTokenResponse(
            UUID id,
            @Schema(example = "CRM 同步") String name,

            @Schema(description = "The secret: shown this once.", example = "lia_3q9Zx7Kp2mVt8RwYb4Nc6Hd1Fj5Lg0s9f3a")
            String token,

            @Schema(example = "lia_…9f3a") String hint,

            @Schema(
                    allowableValues = {"api", "carddav"},
                    example = "api")
            String scope,

            OffsetDateTime createdAt,
            @Nullable OffsetDateTime expiresAt) {}

    @GetMapping
    CursorPage<ApiToken> list(Actor actor) {
        return new CursorPage<>(tokens.list(actor), null);
    }

    @ProblemResponse(
            status = 429,
            description = "Too many failed logins; Retry-After says when to try again.",
            types = "too-many-logins")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    ResponseEntity<CreatedTokenResponse> create(Actor actor, @RequestBody CreateTokenRequest request) {
        ApiToken.Issued issued = tokens.create(actor, request.name(), request.expiresAt(), request.scope());
        ApiToken t = issued.token();
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
                .body(new CreatedTokenResponse(
                        t.id(), t.name(), issued.secret(), t.hint(), t.scope(), t.createdAt(), t.expiresAt()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }
}
