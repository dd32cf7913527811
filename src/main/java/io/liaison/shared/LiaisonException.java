package io.liaison.shared;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be carried out, for a reason the user can act on. {@code type} is the
 * stable problem type slug ({@code /problems/<type>}); title and detail are the messages {@code
 * problem.<type>.title} and {@code problem.<type>.detail} in the reader's language, with {@code args}
 * filled into the detail. Invalid fields carry a message code each ({@link FieldError}); no text is
 * written here in any language.
 */
public class LiaisonException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Object[] args;
    private final List<FieldError> errors;

    public LiaisonException(HttpStatus status, String type, Object... args) {
        this(status, type, List.of(), args);
    }

    private LiaisonException(HttpStatus status, String type, List<FieldError> errors, Object... args) {
        // What the log shows; readers get the messages.
        super(type + (args.length == 0 ? "" : " " + Arrays.toString(args)) + (errors.isEmpty() ? "" : " " + errors));
        this.status = status;
        this.type = type;
        this.args = args;
        this.errors = List.copyOf(errors);
    }

    public static LiaisonException notFound(String what, @Nullable Object id) {
        return new LiaisonException(HttpStatus.NOT_FOUND, what + "-not-found", id);
    }

    /** Refused for lack of a right; {@code action} is the code of a {@code forbidden.*} message naming it. */
    public static LiaisonException forbidden(String action, Object... args) {
        return new LiaisonException(HttpStatus.FORBIDDEN, "forbidden", Message.of(action, args));
    }

    /** A 400 naming one field and what is wrong with it: the message {@code rule} with {@code args}. */
    public static LiaisonException invalid(String field, String rule, Object... args) {
        return invalid(List.of(FieldError.of(field, rule, args)));
    }

    /** A 400 naming every invalid field. */
    public static LiaisonException invalid(List<FieldError> errors) {
        return new LiaisonException(HttpStatus.BAD_REQUEST, "validation", errors);
    }

    /** A problem of its own type that also names invalid fields. */
    public static LiaisonException withErrors(HttpStatus status, String type, List<FieldError> errors, Object... args) {
        return new LiaisonException(status, type, errors, args);
    }

    /** A collection in a request with more than {@code max} elements; the problem names the field and the maximum. */
    public static LiaisonException tooMany(String field, int max) {
        FieldError error = FieldError.of(field, "invalid.too-many", max);
        return new LiaisonException(HttpStatus.BAD_REQUEST, "too-many", List.of(error), error.label(), max);
    }

    /**
     * An upload past one of the limits that keep a request from exhausting memory or disk (413);
     * {@code type} names the limit, {@code args} fill its detail.
     */
    public static LiaisonException tooLarge(String type, Object... args) {
        return new LiaisonException(HttpStatus.CONTENT_TOO_LARGE, type, args);
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
        return new LiaisonException(HttpStatus.PRECONDITION_FAILED, "stale-version", expected, actual);
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

    /**
     * The detail as a message: {@code problem.<type>.detail} with the arguments; a problem naming
     * invalid fields without arguments of its own says each field with its label and rule.
     */
    public Message detail() {
        if (args.length == 0 && !errors.isEmpty()) {
            return Message.of("problem." + type + ".detail", FieldError.summary(errors));
        }
        return Message.of("problem." + type + ".detail", args);
    }

    /**
     * One invalid field of a request, as problem details list it: {@code field} is the API's name of
     * it (a client maps it to its input), {@code label} the message naming it for a person (the
     * label the page's form shows), {@code rule} the message saying what is wrong.
     */
    public record FieldError(String field, Message label, Message rule) {

        /**
         * A field labelled {@code field.<name>}, where the name is the field up to its first index or
         * dot: {@code phones[0].number} reads as the form's "Phones", {@code externalIds.crm} as
         * "External ids".
         */
        public static FieldError of(String field, String rule, Object... args) {
            return of(field, Message.of(rule, args));
        }

        public static FieldError of(String field, Message rule) {
            return new FieldError(field, Message.label(field.split("[\\[.]", 2)[0]), rule);
        }

        /** The same rule and label, said of another field (a nested value's error, placed in its whole). */
        public FieldError at(String other) {
            return new FieldError(other, label, rule);
        }

        /** Each field with its label and rule, in one text: "Mobile: ...; Name: ...". */
        public static Message summary(List<FieldError> errors) {
            Message summary = null;
            for (FieldError error : errors) {
                Message one = Message.of("problem.validation.field", error.label(), error.rule());
                summary = summary == null ? one : Message.of("problem.validation.more", summary, one);
            }
            return summary == null ? Message.of("problem.validation.none") : summary;
        }

        @Override
        public String toString() {
            return field + ": " + rule.code() + rule.args();
        }
    }
}
