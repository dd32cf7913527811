package io.liaison.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out, for a reason the user can act on. {@code type} is the
 * stable problem type slug ({@code /problems/<type>}); title and detail are looked up as
 * {@code problem.<type>.title} and {@code problem.<type>.detail} in the user's language, with
 * {@code args} filled into the detail and {@code fallback} used when no message exists.
 */
public class LiaisonException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> errors;

    public LiaisonException(HttpStatus status, String type, String fallback, Object... args) {
        this(status, type, List.of(), fallback, args);
    }

    public LiaisonException(HttpStatus status, String type, List<FieldError> errors, String fallback, Object... args) {
        super(fallback);
        this.status = status;
        this.type = type;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static LiaisonException notFound(String what, @Nullable Object id) {
        return new LiaisonException(
                HttpStatus.NOT_FOUND, what + "-not-found", "No " + what + " with id " + id + ".", id);
    }

    public static LiaisonException forbidden(String action) {
        return new LiaisonException(
                HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to " + action + ".", action);
    }

    public static LiaisonException invalid(String field, String message) {
        return new LiaisonException(
                HttpStatus.BAD_REQUEST,
                "validation",
                List.of(new FieldError(field, message)),
                field + ": " + message,
                field,
                message);
    }

    /** A collection in a request with more than {@code max} elements; the problem names the field and the maximum. */
    public static LiaisonException tooMany(String field, int max) {
        return new LiaisonException(
                HttpStatus.BAD_REQUEST,
                "too-many",
                List.of(new FieldError(field, "at most " + max + " are allowed")),
                field + ": at most " + max + " are allowed.",
                field,
                max);
    }

    /**
     * An upload past one of the limits that keep a request from exhausting memory or disk (413);
     * {@code type} names the limit, {@code args} fill its detail.
     */
    public static LiaisonException tooLarge(String type, String fallback, Object... args) {
        return new LiaisonException(HttpStatus.CONTENT_TOO_LARGE, type, fallback, args);
    }

    /**
     * Throws the 412 of {@link #stale} when a change expects another version than the record's;
     * {@code expected} is {@code null} when the request did not say (no If-Match, or {@code *}).
     */
    public static void requireVersion(@Nullable Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw stale(expected, actual);
        }
    }

    public static LiaisonException stale(long expected, long actual) {
        return new LiaisonException(
                HttpStatus.PRECONDITION_FAILED,
                "stale-version",
                "The record has changed since version " + expected + "; it is now at version " + actual
                        + ". Reload it and apply your change again.",
                expected,
                actual);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field of a request, as problem details list it. */
    public record FieldError(String field, String message) {}
}
