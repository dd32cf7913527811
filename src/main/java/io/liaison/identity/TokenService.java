package io.liaison.identity;

import io.liaison.shared.Ids;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens of the acting member. The secret is shown once and stored only as its SHA-256 hash: a
 * token of 32 random bytes needs no slow hash, and a fast one lets every API call look it up by hash.
 */
@Service
public class TokenService {

    public static final String PREFIX = "lia_";
    public static final int MAX_NAME = 100;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String APP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final TokenRepository tokens;
    private final MemberRepository memberRows;
    private final ApplicationEventPublisher events;

    TokenService(TokenRepository tokens, MemberRepository memberRows, ApplicationEventPublisher events) {
        this.tokens = tokens;
        this.memberRows = memberRows;
        this.events = events;
    }

    /** A token of scope {@code api}. */
    @Transactional
    public ApiToken.Issued create(Actor actor, String name, @Nullable OffsetDateTime expiresAt) {
        return create(actor, name, expiresAt, ApiToken.API);
    }

    /**
     * A token of {@code scope}: {@code api}, or {@code carddav} for an app password, whose secret is
     * six groups of four letters and digits, easier to type on a phone than an API token's.
     */
    @Transactional
    public ApiToken.Issued create(
            Actor actor, String name, @Nullable OffsetDateTime expiresAt, @Nullable String scope) {
        String kind = scope == null ? ApiToken.API : scope;
        if (!kind.equals(ApiToken.API) && !kind.equals(ApiToken.CARDDAV)) {
            throw LiaisonException.invalid("scope", "invalid.one-of", "api, carddav");
        }
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw LiaisonException.invalid("name", "invalid.length", 1, MAX_NAME);
        }
        if (expiresAt != null && !expiresAt.isAfter(OffsetDateTime.now())) {
            throw LiaisonException.invalid("expiresAt", "invalid.future");
        }
        Times.checked("expiresAt", expiresAt);
        String secret = kind.equals(ApiToken.CARDDAV) ? appPassword() : apiSecret();
        UUID id = Ids.newId();
        String hint = (kind.equals(ApiToken.CARDDAV) ? "" : PREFIX) + "…" + secret.substring(secret.length() - 4);
        tokens.insert(actor.orgId(), id, actor.memberId(), clean, hash(secret), hint, kind, expiresAt);
        events.publishEvent(new TokenCreated(actor.orgId(), actor.memberId(), id, clean));
        return new ApiToken.Issued(
                tokens.find(actor.orgId(), actor.memberId(), id).orElseThrow(), secret);
    }

    /** The actor's own tokens, app passwords too; nobody sees another member's tokens. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(Actor actor) {
        return tokens.findByMember(actor.orgId(), actor.memberId(), null);
    }

    /** The actor's own tokens of one scope. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(Actor actor, String scope) {
        return tokens.findByMember(actor.orgId(), actor.memberId(), scope);
    }

    @Transactional
    public void revoke(Actor actor, UUID id) {
        ApiToken token = tokens.find(actor.orgId(), actor.memberId(), id)
                .orElseThrow(() -> LiaisonException.notFound("token", id));
        tokens.revoke(actor.orgId(), id);
        events.publishEvent(new TokenRevoked(actor.orgId(), actor.memberId(), id, token.name()));
    }

    /**
     * The actor a bearer secret stands for, when the token is live and its member active. Outside a
     * transaction: one read, and at most once a minute one write that needs nothing else to commit
     * with it, so that a request pays no BEGIN and COMMIT for its token.
     */
    public Optional<Actor> authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = hash(secret);
        Optional<MemberRepository.TokenActor> found = memberRows.actorByToken(hash);
        if (found.isPresent() && found.get().stale()) {
            tokens.touch(hash);
        }
        return found.map(MemberRepository.TokenActor::actor);
    }

    /** Whether {@code secret} is a live app password of the member (its use is recorded). */
    boolean isAppPassword(UUID orgId, UUID memberId, String secret) {
        return tokens.appPassword(orgId, memberId, hash(secret.strip().toLowerCase(Locale.ROOT)));
    }

    private static String apiSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** 24 characters of a 31-letter alphabet without look-alikes (119 bits), in groups of four. */
    private static String appPassword() {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 4 == 0) {
                secret.append('-');
            }
            secret.append(APP_ALPHABET.charAt(RANDOM.nextInt(APP_ALPHABET.length())));
        }
        return secret.toString();
    }

    private static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
