package io.liaison.identity.web;

import io.liaison.shared.LiaisonException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link LiaisonException} into a {@link Failure} in the user's language. Titles and details
 * come from {@code problem.<type>.*} like the API's; the services' English field messages are looked
 * up as {@code invalid.<message as slug>}, so a known rule reads in Chinese and an unknown one in English.
 */
@Component
class Failures {

    private final MessageSource messages;

    Failures(MessageSource messages) {
        this.messages = messages;
    }

    Failure of(LiaisonException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage(
                "problem." + e.type() + ".title", null, e.status().getReasonPhrase(), locale);
        Map<String, String> fields = new LinkedHashMap<>();
        for (LiaisonException.FieldError error : e.errors()) {
            fields.merge(error.field(), message(error.message(), locale), (a, b) -> a + "; " + b);
        }
        String detail = fields.isEmpty()
                ? messages.getMessage("problem." + e.type() + ".detail", e.args(), e.getMessage(), locale)
                : fields.entrySet().stream()
                        .map(f -> label(f.getKey(), locale) + ": " + f.getValue())
                        .collect(Collectors.joining("; "));
        return new Failure(e.status().value(), title, detail, fields);
    }

    private String message(String english, Locale locale) {
        return messages.getMessage("invalid." + slug(english), null, english, locale);
    }

    private String label(String field, Locale locale) {
        return messages.getMessage("field." + field, null, field, locale);
    }

    static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
