package io.liaison.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests per the Standard Webhooks specification: {@code webhook-id} (stable across
 * retries, so that a receiver can drop a repeat), {@code webhook-timestamp} (Unix seconds) and {@code
 * webhook-signature} = {@code v1,} Base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)), where
 * the key is the Base64 part of the {@code whsec_} secret. Used by the generic webhook channel and by
 * the integration module's webhooks.
 */
public final class StandardWebhooks {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {}

    /** A new secret: {@code whsec_} and 32 random bytes in Base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Whether {@code secret} is a {@code whsec_} secret of at least 24 bytes, as this signer needs. */
    public static boolean isSecret(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length())).length >= 24;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The three headers of one request, in their order. */
    public static Map<String, String> headers(String secret, String id, long timestamp, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature(secret, id, timestamp, body));
        return headers;
    }

    /** {@code v1,} and the signature of the body. */
    public static String signature(String secret, String id, long timestamp, String body) {
        if (!isSecret(secret)) {
            throw new IllegalArgumentException("Not a whsec_ secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
