package io.liaison.shared.web;

import java.util.Map;

/**
 * A refused change as a page shows it: a localized title and detail for a toast or an alert, and a
 * localized message per form input for the form that sent it.
 */
public record PageFailure(int status, String title, String detail, Map<String, String> fields) {

    public PageFailure {
        fields = Map.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String field(String field) {
        return fields.getOrDefault(field, "");
    }
}
