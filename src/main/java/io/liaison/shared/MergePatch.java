package io.liaison.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A JSON Merge Patch (RFC 7396) body: a field that is absent stays unchanged, a field that is
 * {@code null} is cleared. Reading a field checks its JSON type and names the field when it is wrong.
 */
public final class MergePatch {

    private final Map<String, @Nullable Object> fields;

    public MergePatch(Map<String, @Nullable Object> fields, Set<String> allowed) {
        for (String name : fields.keySet()) {
            if (!allowed.contains(name)) {
                throw LiaisonException.invalid(name, "invalid.not-changeable");
            }
        }
        this.fields = fields;
    }

    /** The JSON value as Jackson read it: String, Number, Boolean, List, Map or {@code null}. */
    public @Nullable Object raw(String field) {
        return fields.get(field);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The new text of a field, or {@code null} when the patch clears it. */
    public @Nullable String text(String field) {
        Object value = fields.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw LiaisonException.invalid(field, "invalid.string");
    }

    public String requiredText(String field) {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw LiaisonException.invalid(field, "invalid.empty");
        }
        return value;
    }

    public @Nullable Integer integer(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw LiaisonException.invalid(field, "invalid.whole-number");
    }

    public boolean bool(String field) {
        if (fields.get(field) instanceof Boolean value) {
            return value;
        }
        throw LiaisonException.invalid(field, "invalid.boolean");
    }

    /**
     * Any list a request names without a maximum of its own gets this one, so that no body
     * carries an unbounded collection.
     */
    public static final int MAX_LIST = 1000;

    /** A list of strings; {@code null} reads as the empty list. */
    public List<String> texts(String field) {
        return texts(field, MAX_LIST);
    }

    /** A list of at most {@code max} strings; {@code null} reads as the empty list. */
    public List<String> texts(String field, int max) {
        return list(field, max, v -> v instanceof String s ? s : null);
    }

    public @Nullable UUID id(String field) {
        String value = text(field);
        return value == null ? null : parseId(field, value);
    }

    /** A list of ids; {@code null} reads as the empty list. */
    public List<UUID> ids(String field) {
        return ids(field, MAX_LIST);
    }

    /** A list of at most {@code max} ids; {@code null} reads as the empty list. */
    public List<UUID> ids(String field, int max) {
        return list(field, max, v -> v instanceof String s ? parseId(field, s) : null);
    }

    /**
     * Refuses a list or object of more than {@code max} elements with a 400 that names the field
     * and the maximum, before any element is read.
     */
    public static void atMost(String field, @Nullable Object value, int max) {
        int size = value instanceof List<?> list ? list.size() : value instanceof Map<?, ?> map ? map.size() : 0;
        if (size > max) {
            throw LiaisonException.tooMany(field, max);
        }
    }

    private <T> List<T> list(String field, int max, Function<Object, @Nullable T> element) {
        Object value = fields.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> raw)) {
            throw LiaisonException.invalid(field, "invalid.list");
        }
        atMost(field, raw, max);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            // the element is named, so that a null or blank among many ids can be found
            String name = field + "[" + i + "]";
            Object item = raw.get(i);
            if (item == null) {
                throw LiaisonException.invalid(name, "invalid.null");
            }
            T converted;
            try {
                converted = element.apply(item);
            } catch (LiaisonException e) {
                throw LiaisonException.invalid(List.of(e.errors().get(0).at(name)));
            }
            if (converted == null) {
                throw LiaisonException.invalid(name, "invalid.wrong-type");
            }
            result.add(converted);
        }
        return result;
    }

    private static UUID parseId(String field, String value) {
        if (value.isBlank()) {
            throw LiaisonException.invalid(field, "invalid.empty");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw LiaisonException.invalid(field, "invalid.not-an-id", value);
        }
    }
}
