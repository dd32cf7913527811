package io.liaison.shared.web;

import io.liaison.shared.LiaisonException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link LiaisonException} into a {@link PageFailure} in the user's language: title and
 * detail are the API's ({@code problem.<type>.*}), and each invalid field's rule is its message, under the
 * form input that holds the field.
 */
@Component
public class PageFailures {

    private final MessageSource messages;

    PageFailures(MessageSource messages) {
        this.messages = messages;
    }

    public PageFailure of(LiaisonException e) {
        return of(e, Map.of());
    }

    /** As {@link #of(LiaisonException)}, with {@code inputs} naming the form input of a service field. */
    public PageFailure of(LiaisonException e, Map<String, String> inputs) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> fields = new LinkedHashMap<>();
        for (LiaisonException.FieldError error : e.errors()) {
            String input = inputs.getOrDefault(error.field(), error.field());
            fields.merge(
                    input,
                    messages.getMessage(error.rule(), locale),
                    (a, b) -> messages.getMessage("problem.validation.more", new Object[] {a, b}, locale));
        }
        String title = messages.getMessage("problem." + e.type() + ".title", null, locale);
        String detail = e.errors().isEmpty()
                ? messages.getMessage(e.detail(), locale)
                : messages.getMessage(LiaisonException.FieldError.summary(e.errors()), locale);
        return new PageFailure(e.status().value(), title, detail, fields);
    }
}
