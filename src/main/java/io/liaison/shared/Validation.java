package io.liaison.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects what is wrong with a request, so that one answer names every invalid field. */
public final class Validation {

    private final List<LiaisonException.FieldError> errors = new ArrayList<>();

    /** Rejects {@code field}: {@code rule} is the code of the message saying what is wrong, with {@code args}. */
    public Validation reject(String field, String rule, Object... args) {
        return reject(LiaisonException.FieldError.of(field, rule, args));
    }

    public Validation reject(LiaisonException.FieldError error) {
        errors.add(error);
        return this;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Throws a 400 listing every rejected field, when there is one. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw LiaisonException.invalid(errors);
        }
    }
}
