package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The version of an aggregate as an ETag, the version an If-Match header expects, and the answers
 * of the API's single-resource reads and writes, which carry the version they show as their ETag.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** A 200 with the resource at {@code version}. */
    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(of(version)).body(body);
    }

    /** A 201 with the new resource at {@code version} and its address. */
    public static <T> ResponseEntity<T> created(String location, T body, long version) {
        return ResponseEntity.created(URI.create(location)).eTag(of(version)).body(body);
    }

    /** The 204 of a deletion. */
    public static ResponseEntity<Void> deleted() {
        return ResponseEntity.noContent().build();
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
