package io.liaison.push.web;

import io.liaison.identity.Actor;
import io.liaison.identity.OrganizationService;
import io.liaison.push.PushPermissions;
import io.liaison.push.settings.PushSettings;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.FormPosts;
import io.liaison.shared.web.FormPosts.Saved;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's push rules as a page: every sender reads them (they decide whom a push reaches
 * and when), those who approve pushes change them.
 */
@Controller
@RequestMapping("/pushes/settings")
class PushSettingsPages {

    private final PushSettingsService settings;
    private final OrganizationService organizations;
    private final PageFailures failures;

    PushSettingsPages(PushSettingsService settings, OrganizationService organizations, PageFailures failures) {
        this.settings = settings;
        this.organizations = organizations;
        this.failures = failures;
    }

    /** The form as typed: numbers and times as text, blank for "none". */
    record SettingsForm(
            @Nullable String perDay,
            @Nullable String perMonth,
            @Nullable String approvalOver,
            @Nullable String quietStarts,
            @Nullable String quietEnds,
            @Nullable String maxRecipients) {

        static SettingsForm of(PushSettings s) {
            return new SettingsForm(
                    String.valueOf(s.perDay()),
                    String.valueOf(s.perMonth()),
                    s.approvalOver() == null ? "" : String.valueOf(s.approvalOver()),
                    s.quietStart() == null ? "" : s.quietStart().toString(),
                    s.quietEnd() == null ? "" : s.quietEnd().toString(),
                    String.valueOf(s.maxRecipients()));
        }

        PushSettings settings() {
            if (isBlank(quietStarts) != isBlank(quietEnds)) {
                throw LiaisonException.invalid(isBlank(quietStarts) ? "quietStarts" : "quietEnds", "invalid.required");
            }
            return new PushSettings(
                    required("perDay", perDay, PushSettings.MAX_PER_DAY),
                    required("perMonth", perMonth, PushSettings.MAX_PER_MONTH),
                    number("approvalOver", approvalOver, PushSettings.MAX_RECIPIENTS),
                    time("quietStarts", quietStarts),
                    time("quietEnds", quietEnds),
                    required("maxRecipients", maxRecipients, PushSettings.MAX_RECIPIENTS));
        }

        private static boolean isBlank(@Nullable String text) {
            return text == null || text.isBlank();
        }

        private static int required(String field, @Nullable String text, int max) {
            Integer value = number(field, text, max);
            if (value == null) {
                throw LiaisonException.invalid(field, "invalid.required");
            }
            return value;
        }

        private static @Nullable Integer number(String field, @Nullable String text, int max) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw LiaisonException.invalid(field, "invalid.between", 0, max);
            }
        }

        private static @Nullable LocalTime time(String field, @Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalTime.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw LiaisonException.invalid(field, "invalid.notify-time");
            }
        }
    }

    @GetMapping
    String page(Actor actor, Model model) {
        return form(actor, SettingsForm.of(settings.get(actor.orgId())), model);
    }

    @PostMapping
    String save(Actor actor, SettingsForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        return FormPosts.save(
                () -> {
                    settings.put(actor, form.settings());
                    return new Saved("", "/pushes/settings");
                },
                "push.settings.saved",
                flash,
                response,
                e -> {
                    model.addAttribute("failure", failures.of(e));
                    return form(actor, form, model);
                });
    }

    private String form(Actor actor, SettingsForm form, Model model) {
        if (!actor.can(PushPermissions.SEND)) {
            throw LiaisonException.forbidden("forbidden.send-push");
        }
        model.addAttribute("form", form);
        model.addAttribute("mayChange", actor.can(PushPermissions.APPROVE));
        model.addAttribute("zone", organizations.mine(actor).timeZone());
        return "push/settings";
    }
}
