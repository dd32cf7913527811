package io.liaison.contact.web;

import io.liaison.contact.CustomField;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The organization's custom fields as form inputs named {@code cf.<key>}: read back into the values
 * the contact service validates, a blank input clearing its field and a multi-select sending a list.
 */
final class CustomFieldInputs {

    private CustomFieldInputs() {}

    static String inputName(CustomField field) {
        return "cf." + field.key();
    }

    /** The submitted value of every defined field, {@code null} for a blank one. */
    static Map<String, @Nullable Object> read(List<CustomField> fields, HttpServletRequest request) {
        Map<String, @Nullable Object> values = new HashMap<>();
        for (CustomField field : fields) {
            String[] raw = request.getParameterValues(inputName(field));
            List<String> given = raw == null
                    ? List.of()
                    : Arrays.stream(raw)
                            .filter(Objects::nonNull)
                            .map(String::trim)
                            .filter(v -> !v.isEmpty())
                            .toList();
            if (CustomField.MULTISELECT.equals(field.type())) {
                values.put(field.key(), given.isEmpty() ? null : given);
            } else {
                values.put(field.key(), given.isEmpty() ? null : given.get(0));
            }
        }
        return values;
    }
}
