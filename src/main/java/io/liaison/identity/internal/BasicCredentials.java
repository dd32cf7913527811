package io.liaison.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The login and password of an HTTP Basic {@code Authorization} value: {@code login:password} in
 * Base64, where the login may name its organization first ({@code acme/li.na}), as the login form
 * accepts. Empty when the value is not Base64, has no colon, an empty login, or either part longer
 * than 200 characters.
 */
record BasicCredentials(@Nullable String organization, String login, String password) {

    private static final int MAX = 200;

    static Optional<BasicCredentials> parse(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon > MAX || decoded.length() - colon - 1 > MAX) {
            return Optional.empty();
        }
        String login = decoded.substring(0, colon);
        int slash = login.indexOf('/');
        String organization = slash >= 0 ? login.substring(0, slash) : null;
        return Optional.of(
                new BasicCredentials(organization, login.substring(slash + 1), decoded.substring(colon + 1)));
    }
}
