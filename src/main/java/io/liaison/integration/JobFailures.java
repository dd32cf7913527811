package io.liaison.integration;

import io.liaison.contact.ContactImport;
import io.liaison.shared.LiaisonException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reason a job failed, as it is stored and shown: a refusal's problem detail in the language
 * of the member who started the job (Chinese unless the member chose another).
 */
@Component
class JobFailures {

    private final MessageSource messages;

    JobFailures(MessageSource messages) {
        this.messages = messages;
    }

    String reason(LiaisonException e, @Nullable String language) {
        if (!e.errors().isEmpty()) {
            return ContactImport.reason(e);
        }
        return messages.getMessage("problem." + e.type() + ".detail", e.args(), e.getMessage(), locale(language));
    }

    /** A message of the messages bundle, for failures that are not a refusal of the request. */
    String message(String code, @Nullable String language, Object... args) {
        return messages.getMessage(code, args, locale(language));
    }

    private static Locale locale(@Nullable String language) {
        return Locale.forLanguageTag(language == null ? "zh-CN" : language);
    }
}
