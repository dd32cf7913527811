package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link LiaisonException} into a {@link Failure} in the user's language, with the same
 * message keys as the identity pages ({@code problem.*}, {@code invalid.<slug>}, {@code field.*}),
 * whose translator is internal to that module. The service names the first e-mail
 * {@code emails[0].address}; the form has one e-mail input, called {@code email}.
 */
@Component
class ContactFailures {

    private static final Map<String, String> INPUTS = Map.of("emails[0].address", "email", "emails", "email");

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private final MessageSource messages;

    ContactFailures(MessageSource messages) {
        this.messages = messages;
    }

    Failure of(LiaisonException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage(
                "problem." + e.type() + ".title", null, e.status().getReasonPhrase(), locale);
        Map<String, String> fields = new LinkedHashMap<>();
        for (LiaisonException.FieldError error : e.errors()) {
            String input = INPUTS.getOrDefault(error.field(), error.field());
            fields.merge(input, message(error.message(), locale), (a, b) -> a + "; " + b);
        }
        String detail = fields.isEmpty()
                ? messages.getMessage("problem." + e.type() + ".detail", e.args(), e.getMessage(), locale)
                : fields.entrySet().stream()
                        .map(f -> label(f.getKey(), locale) + ": " + f.getValue())
                        .collect(Collectors.joining("; "));
        return new Failure(e.status().value(), title, detail, fields);
    }

    /**
     * A quoted value in a rule ("'12' is not a valid phone number") would make every slug different, so
     * it is left out of the key and filled into the translation as {@code {0}}.
     */
    private String message(String english, Locale locale) {
        Matcher quoted = QUOTED.matcher(english);
        if (quoted.find()) {
            String rule = QUOTED.matcher(english).replaceAll(" ");
            return messages.getMessage("invalid." + slug(rule), new Object[] {quoted.group(1)}, english, locale);
        }
        return messages.getMessage("invalid." + slug(english), null, english, locale);
    }

    private String label(String field, Locale locale) {
        return messages.getMessage(TimelineView.labelKey(field), null, field, locale);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
