package io.liaison.contact.web;

import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A refused change on the tag or custom field page: an htmx request gets a toast in the user's
 * language appended to the layout's toast region, a plain request the error page. Field messages
 * are looked up as {@code invalid.<message as slug>} and field names as {@code field.<name>}, as the
 * identity pages do, so one translation serves both.
 */
@ControllerAdvice(assignableTypes = {TagPages.class, CustomFieldPages.class})
class SettingsPageErrors {

    /** What the layout's toast fragment shows. */
    record Toast(String title, String detail) {}

    private final MessageSource messages;
    private final Problems problems;

    SettingsPageErrors(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler
    String refused(LiaisonException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        if (request.getHeader("HX-Request") == null) {
            model.addAttribute("problem", problems.of(e, request));
            return "error";
        }
        // liaison.js swaps error answers that carry HX-Reswap, which htmx otherwise drops.
        response.setHeader("HX-Retarget", "#toasts");
        response.setHeader("HX-Reswap", "beforeend");
        model.addAttribute("failure", toast(e));
        return "layout/toast :: toast";
    }

    private Toast toast(LiaisonException e) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = messages.getMessage(
                "problem." + e.type() + ".title", null, e.status().getReasonPhrase(), locale);
        String detail = e.errors().isEmpty()
                ? messages.getMessage("problem." + e.type() + ".detail", e.args(), e.getMessage(), locale)
                : e.errors().stream()
                        .map(f -> messages.getMessage("field." + f.field(), null, f.field(), locale) + ": "
                                + messages.getMessage("invalid." + slug(f.message()), null, f.message(), locale))
                        .collect(Collectors.joining("; "));
        return new Toast(title, detail);
    }

    private static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
