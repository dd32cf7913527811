package io.liaison.contact;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A merge patch body with the readers this module needs beyond {@link MergePatch}'s: booleans and
 * lists of strings. Unknown fields are refused by the wrapped {@link MergePatch}.
 */
final class PatchValues {

    private final Map<String, @Nullable Object> fields;
    private final MergePatch patch;

    PatchValues(Map<String, @Nullable Object> fields, Set<String> allowed) {
        this.patch = new MergePatch(fields, allowed);
        this.fields = fields;
    }

    boolean has(String field) {
        return patch.has(field);
    }

    @Nullable
    String text(String field) {
        return patch.text(field);
    }

    @Nullable
    Integer integer(String field) {
        return patch.integer(field);
    }

    @Nullable
    UUID id(String field) {
        return patch.id(field);
    }

    boolean bool(String field) {
        if (fields.get(field) instanceof Boolean value) {
            return value;
        }
        throw LiaisonException.invalid(field, "must be true or false");
    }

    /** A list of strings; {@code null} reads as the empty list. */
    List<String> texts(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> raw)) {
            throw LiaisonException.invalid(field, "must be a list");
        }
        List<String> result = new ArrayList<>();
        for (Object item : raw) {
            if (!(item instanceof String text)) {
                throw LiaisonException.invalid(field, "has an element of the wrong type");
            }
            result.add(text);
        }
        return result;
    }
}
