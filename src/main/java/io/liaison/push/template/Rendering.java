package io.liaison.push.template;

import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Fills a template's variables: a value where there is one, else the variable's fallback, else
 * nothing. Values enter the body's Markdown escaped, and the subject as one line.
 */
final class Rendering {

    private Rendering() {}

    static Rendered render(Template template, ContactValues values) {
        String subject =
                fill(template.subjectParts(), values, Rendering::oneLine).strip();
        String markdown = fill(template.bodyParts(), values, MarkdownOutput::escape);
        return new Rendered(subject, MarkdownOutput.text(markdown), markdown, MarkdownOutput.html(markdown));
    }

    private static String fill(List<Template.Part> parts, ContactValues values, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        for (Template.Part part : parts) {
            if (!part.isVariable()) {
                out.append(part.text());
                continue;
            }
            String value = values.of(part.variable());
            if (isBlank(value)) {
                out.append(part.variable().fallback());
            } else {
                out.append(escape.apply(value.strip()));
            }
        }
        return out.toString();
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static String oneLine(String value) {
        return value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
