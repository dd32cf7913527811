package io.liaison.push.template;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A subject and a Markdown body checked against the organization's variables, each split into
 * literal text and variables, ready to be rendered for any number of contacts.
 */
public record Template(String subject, String body, List<Part> subjectParts, List<Part> bodyParts) {

    public Template {
        subjectParts = List.copyOf(subjectParts);
        bodyParts = List.copyOf(bodyParts);
    }

    /** Literal text, or a variable (then {@code text} is empty). */
    public record Part(String text, Variable variable) {

        static Part literal(String text) {
            return new Part(text, new Variable("", ""));
        }

        boolean isVariable() {
            return !variable.key().isEmpty();
        }
    }

    /** The custom fields' keys the template uses, in the order they first appear. */
    public Set<String> fieldKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (List<Part> parts : List.of(subjectParts, bodyParts)) {
            for (Part part : parts) {
                if (part.variable().isField()) {
                    keys.add(part.variable().fieldKey());
                }
            }
        }
        return keys;
    }
}
