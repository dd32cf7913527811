package io.liaison.shared.web;

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
 * Turns a {@link LiaisonException} into a {@link PageFailure} in the user's language. Titles and
 * details come from {@code problem.<type>.*} like the API's; the services' English field messages are
 * looked up as {@code invalid.<message as slug>} and field names as {@code field.<name>}, so a known
 * rule reads in Chinese and an unknown one in English.
 */
@Component
public class PageFailures {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

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
        String title = messages.getMessage(
                "problem." + e.type() + ".title", null, e.status().getReasonPhrase(), locale);
        Map<String, String> fields = new LinkedHashMap<>();
        for (LiaisonException.FieldError error : e.errors()) {
            String input = inputs.getOrDefault(error.field(), error.field());
            String said = CodeNames.clean(error.message(), Problems.UNREADABLE);
            fields.merge(input, message(said, locale), (a, b) -> a + "; " + b);
        }
        String detail = fields.isEmpty()
                ? CodeNames.clean(
                        messages.getMessage("problem." + e.type() + ".detail", e.args(), e.getMessage(), locale),
                        e.status().getReasonPhrase())
                : fields.entrySet().stream()
                        .map(f -> messages.getMessage("field." + f.getKey(), null, f.getKey(), locale) + ": "
                                + f.getValue())
                        .collect(Collectors.joining("; "));
        return new PageFailure(e.status().value(), title, detail, fields);
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

    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
