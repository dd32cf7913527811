package io.liaison.identity.web;

import java.util.Map;

/**
 * A refused change as a page shows it: a localized title and detail for a toast or an alert, and a
 * localized message per invalid field for the form that sent it.
 */
record Failure(int status, String title, String detail, Map<String, String> fields) {

    Failure {
        fields = Map.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String field(String field) {
        return fields.getOrDefault(field, "");
    }
}
