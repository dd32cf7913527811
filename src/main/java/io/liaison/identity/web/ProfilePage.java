package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.MergePatch;
import io.liaison.shared.TimeZones;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My own profile and password; any member may change these, whatever their role. */
@Controller
@RequestMapping("/profile")
class ProfilePage {

    private static final String VIEW = "identity/profile";

    private final MemberService members;
    private final PageFailures failures;
    private final LocaleResolver locales;

    ProfilePage(MemberService members, PageFailures failures, LocaleResolver locales) {
        this.members = members;
        this.failures = failures;
        this.locales = locales;
    }

    record ProfileForm(
            @Nullable String displayName,
            @Nullable String mobile,
            @Nullable String email,
            @Nullable String locale,
            @Nullable String timeZone) {

        static ProfileForm of(Member m) {
            return new ProfileForm(m.displayName(), m.mobile(), m.email(), m.locale(), m.timeZone());
        }

        MergePatch toPatch() {
            Map<String, @Nullable Object> changes = new HashMap<>();
            changes.put("displayName", displayName == null ? "" : displayName);
            changes.put("mobile", blankToNull(mobile));
            changes.put("email", blankToNull(email));
            changes.put("locale", blankToNull(locale));
            changes.put("timeZone", blankToNull(timeZone));
            return new MergePatch(changes, MemberService.PATCHABLE);
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    record PasswordForm(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    @GetMapping
    String page(Actor actor, Model model) {
        Member me = members.get(actor, actor.memberId());
        return render(me, ProfileForm.of(me), model);
    }

    @PostMapping
    String save(
            Actor actor,
            ProfileForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            Member saved = members.update(actor, actor.memberId(), form.toPatch(), null);
            if (saved.locale() != null) {
                locales.setLocale(request, response, Locale.forLanguageTag(saved.locale()));
            }
            flash.addFlashAttribute("notice", "profile.saved");
            return "redirect:/profile";
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", failures.of(e));
            return render(members.get(actor, actor.memberId()), form, model);
        }
    }

    @PostMapping("/password")
    String changePassword(
            Actor actor, PasswordForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            members.changeOwnPassword(actor, nonNull(form.currentPassword()), nonNull(form.newPassword()));
            flash.addFlashAttribute("notice", "profile.passwordChanged");
            return "redirect:/profile";
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("passwordFailure", failures.of(e));
            Member me = members.get(actor, actor.memberId());
            return render(me, ProfileForm.of(me), model);
        }
    }

    private static String render(Member me, ProfileForm form, Model model) {
        model.addAttribute("member", me);
        model.addAttribute("form", form);
        model.addAttribute("timeZones", TimeZones.OFFERED);
        return VIEW;
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
