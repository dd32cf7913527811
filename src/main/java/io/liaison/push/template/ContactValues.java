package io.liaison.push.template;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a template may say about one contact: its own fields, its owner's name, its custom values. */
record ContactValues(
        String name,
        @Nullable String company,
        @Nullable String title,
        @Nullable String ownerName,
        Map<String, String> fields) {

    static final ContactValues NONE = new ContactValues("", null, null, null, Map.of());

    ContactValues {
        fields = Map.copyOf(fields);
    }

    /** The value of a variable; {@code null} when the contact has none. */
    @Nullable
    String of(Variable variable) {
        if (variable.isField()) {
            return fields.get(variable.fieldKey());
        }
        return switch (variable.key()) {
            case "name" -> name;
            case "company" -> company;
            case "title" -> title;
            case "owner.name" -> ownerName;
            default -> null;
        };
    }
}
