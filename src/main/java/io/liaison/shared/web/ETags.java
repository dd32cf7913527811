package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The version of an aggregate as an ETag, and the version an If-Match header expects. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The expected version, or {@code null} when the header is absent or {@code *}. If-Match compares
     * strongly (RFC 9110, 13.1.1): a weak tag never matches, so it fails the precondition.
     */
    public static @Nullable Long expected(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            throw new LiaisonException(HttpStatus.PRECONDITION_FAILED, "weak-etag");
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid("If-Match", "invalid.etag");
        }
    }
}
