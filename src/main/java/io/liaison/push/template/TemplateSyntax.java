package io.liaison.push.template;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.LiaisonException.FieldError;
import io.liaison.shared.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Reads a subject and a body into a {@link Template}: {@code {{name}}}, {@code {{company}}}, {@code
 * {{title}}}, {@code {{owner.name}}} and {@code {{field.<key>}}} of the organization's custom
 * fields, with spaces allowed inside the braces and an optional fallback after a bar: {@code {{ name
 * | 朋友 }}}. Anything else between braces is refused, naming it, so that no recipient ever reads
 * {@code {{...}}}.
 */
final class TemplateSyntax {

    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_VARIABLES = 100;
    static final int MAX_FALLBACK = 100;
    static final List<String> BUILT_IN = List.of("name", "company", "title", "owner.name");

    private TemplateSyntax() {}

    static Template parse(@Nullable String subject, @Nullable String body, Set<String> fieldKeys) {
        String cleanSubject = subject == null ? "" : subject.strip();
        String cleanBody = body == null ? "" : body.strip();
        if (cleanSubject.isEmpty() || cleanSubject.length() > MAX_SUBJECT) {
            throw badField("subject", Message.of("invalid.length", 1, MAX_SUBJECT));
        }
        if (cleanBody.isEmpty() || cleanBody.length() > MAX_BODY) {
            throw badField("body", Message.of("invalid.length", 1, MAX_BODY));
        }
        List<Template.Part> subjectParts = parts("subject", cleanSubject, fieldKeys);
        List<Template.Part> bodyParts = parts("body", cleanBody, fieldKeys);
        long variables = subjectParts.stream().filter(Template.Part::isVariable).count()
                + bodyParts.stream().filter(Template.Part::isVariable).count();
        if (variables > MAX_VARIABLES) {
            throw LiaisonException.withErrors(
                    HttpStatus.BAD_REQUEST,
                    "too-many-template-variables",
                    List.of(error("body", Message.of("invalid.template-variables", MAX_VARIABLES))),
                    MAX_VARIABLES);
        }
        return new Template(cleanSubject, cleanBody, subjectParts, bodyParts);
    }

    /** The label of the subject or the body, as the template form shows it. */
    static Message label(String field) {
        return Message.of("push.template." + field);
    }

    private static List<Template.Part> parts(String field, String text, Set<String> fieldKeys) {
        List<Template.Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(Template.Part.literal(text.substring(at)));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            String inside = close < 0 ? "" : text.substring(open + 2, close);
            if (close < 0 || inside.contains("{{") || inside.contains("\n")) {
                String shown = shorten(text.substring(open, Math.min(text.length(), open + 30)));
                throw LiaisonException.withErrors(
                        HttpStatus.BAD_REQUEST,
                        "unclosed-template-variable",
                        List.of(error(field, Message.of("invalid.template-unclosed", shown))),
                        shown);
            }
            if (open > at) {
                parts.add(Template.Part.literal(text.substring(at, open)));
            }
            parts.add(new Template.Part("", variable(field, inside, fieldKeys)));
            at = close + 2;
        }
        return parts;
    }

    private static Variable variable(String field, String inside, Set<String> fieldKeys) {
        int bar = inside.indexOf('|');
        String key = (bar < 0 ? inside : inside.substring(0, bar)).strip();
        String fallback = bar < 0 ? "" : inside.substring(bar + 1).strip();
        Variable variable = new Variable(key, fallback);
        boolean known = BUILT_IN.contains(key) || (variable.isField() && fieldKeys.contains(variable.fieldKey()));
        if (!known) {
            String shown = shorten(key);
            throw LiaisonException.withErrors(
                    HttpStatus.BAD_REQUEST,
                    "unknown-template-variable",
                    List.of(error(field, Message.of("invalid.template-variable", shown))),
                    shown);
        }
        if (fallback.length() > MAX_FALLBACK) {
            throw badField(field, Message.of("invalid.template-fallback", MAX_FALLBACK));
        }
        return variable;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static FieldError error(String field, Message rule) {
        return new FieldError(field, label(field), rule);
    }

    private static LiaisonException badField(String field, Message rule) {
        return LiaisonException.invalid(List.of(error(field, rule)));
    }
}
