package io.liaison.channel;

import java.util.Optional;

/**
 * Seals a few bytes into a URL-safe token with the key that encrypts channel secrets (AES-256-GCM):
 * without the key a token can be neither read nor altered nor made up, so that a link in a message
 * can name a record without revealing its id or letting the reader point it at another. A token stays
 * valid for as long as the key does, the same as the secrets it encrypts.
 */
public interface TokenSeal {

    /** The sealed bytes as Base64url without padding; each call gives a different token. */
    String seal(byte[] data);

    /** The bytes a token sealed; empty when it is malformed, altered or sealed with another key. */
    Optional<byte[]> open(String token);
}
