package io.liaison.push.template;

/**
 * One variable of a template as written, {@code {{ key | fallback }}}: {@code key} such as {@code
 * name}, {@code owner.name} or {@code field.industry}, and the text that stands in for an empty
 * value (empty when none is given).
 */
public record Variable(String key, String fallback) {

    public static final String FIELD_PREFIX = "field.";

    /** The custom field's key of a {@code field.<key>} variable; empty for a built-in one. */
    public String fieldKey() {
        return key.startsWith(FIELD_PREFIX) ? key.substring(FIELD_PREFIX.length()) : "";
    }

    public boolean isField() {
        return key.startsWith(FIELD_PREFIX);
    }
}
