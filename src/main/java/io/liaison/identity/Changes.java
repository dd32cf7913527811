package io.liaison.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The fields of a record that a change touched, as the audit log keeps them: old and new values. */
final class Changes {

    private final Map<String, @Nullable Object> before = new LinkedHashMap<>();
    private final Map<String, @Nullable Object> after = new LinkedHashMap<>();

    /** Records the field only when its value differs. */
    Changes field(String name, @Nullable Object old, @Nullable Object now) {
        if (!Objects.equals(old, now)) {
            before.put(name, old);
            after.put(name, now);
        }
        return this;
    }

    /** A change whose values must never be written down, such as a password: only that it changed. */
    Changes secret(String name, boolean changed) {
        if (changed) {
            after.put(name, "changed");
        }
        return this;
    }

    boolean isEmpty() {
        return before.isEmpty() && after.isEmpty();
    }

    Map<String, @Nullable Object> before() {
        return Collections.unmodifiableMap(before);
    }

    Map<String, @Nullable Object> after() {
        return Collections.unmodifiableMap(after);
    }

    /** The values of a record that appeared or disappeared, in a map that may hold nulls. */
    static Map<String, @Nullable Object> values(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(values);
    }
}
