package io.liaison.contact.web;

import java.util.Map;

/**
 * A refused change as a contact page shows it: a localized title and detail, and a localized message
 * per form input. It has the shape that {@code layout/forms} expects, like the identity pages' own.
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
