package io.liaison.review.finding;

import io.liaison.shared.web.ViewerTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A finding's reason as a sentence in the reader's language: the message {@code review.reason.<reason>}
 * with the detail's values as arguments in the order of their keys sorted alphabetically (see {@link
 * FindingCheck}); an instant becomes a date in the reader's time zone, a list its items joined as the
 * language joins them.
 */
@Component
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String sentence(String reason, Map<String, Object> detail, Locale locale, ZoneId zone) {
        Object[] args = new TreeMap<>(detail)
                .values().stream().map(v -> argument(v, locale, zone)).toArray();
        return messages.getMessage("review.reason." + reason, args, reason, locale);
    }

    private static Object argument(Object value, Locale locale, ZoneId zone) {
        if (value instanceof List<?> items) {
            String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
            return String.join(separator, items.stream().map(String::valueOf).toList());
        }
        if (value instanceof String text && text.length() >= 20 && text.endsWith("Z")) {
            try {
                return ViewerTimes.date(Instant.parse(text).atOffset(ZoneOffset.UTC), zone, locale);
            } catch (DateTimeParseException e) {
                return text;
            }
        }
        return value;
    }
}
