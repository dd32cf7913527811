package io.liaison.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Collects what is wrong with a request, so that one answer names every invalid field. */
public final class Validation {

    private final List<LiaisonException.FieldError> errors = new ArrayList<>();

    public Validation reject(String field, String message) {
        errors.add(new LiaisonException.FieldError(field, message));
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws a 400 listing every rejected field, when there is one. */
    public void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String summary = errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        throw new LiaisonException(HttpStatus.BAD_REQUEST, "validation", errors, summary, summary);
    }
}
