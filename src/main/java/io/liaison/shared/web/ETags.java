package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import org.jspecify.annotations.Nullable;

/** The version of an aggregate as an ETag, and the version an If-Match header expects. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The expected version, or {@code null} when the header is absent or {@code *}. */
    public static @Nullable Long expected(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid("If-Match", "must be an ETag this API handed out, such as \"3\"");
        }
    }
}
