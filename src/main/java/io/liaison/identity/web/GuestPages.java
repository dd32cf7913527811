package io.liaison.identity.web;

import io.liaison.identity.Guest;
import io.liaison.identity.Guests;
import io.liaison.identity.internal.GuestSignIn;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.web.PageFailures;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The guests' own pages: their login (handled by the guests' security chain), the invitation's
 * acceptance form, and their profile. The join page speaks the organization's language unless the
 * visitor chose one ({@code ?lang=}); a logged-in guest's pages do the same.
 */
@Controller
@RequestMapping("/guest")
class GuestPages {

    private final Guests guests;
    private final GuestSignIn signIn;
    private final PageFailures failures;
    private final LocaleResolver locales;

    GuestPages(Guests guests, GuestSignIn signIn, PageFailures failures, LocaleResolver locales) {
        this.guests = guests;
        this.signIn = signIn;
        this.failures = failures;
        this.locales = locales;
    }

    record JoinForm(
            @Nullable String displayName,
            @Nullable String login,
            @Nullable String password,
            @Nullable String password2) {}

    record NameForm(@Nullable String displayName) {}

    record PasswordForm(
            @Nullable String currentPassword, @Nullable String newPassword) {}

    @GetMapping("/login")
    String login(@Nullable Principal principal) {
        return principal == null ? "identity/guest-login" : "redirect:/guest";
    }

    @GetMapping("/join/{token}")
    String join(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("joinPath", "/guest/join/" + token);
        speak(token, request);
        try {
            String email = guests.open(token);
            model.addAttribute("form", new JoinForm(null, email, null, null));
            model.addAttribute("email", email);
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("refusal", failures.of(e));
        }
        return "identity/guest-join";
    }

    @PostMapping("/join/{token}")
    String accept(
            @PathVariable String token,
            JoinForm form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("joinPath", "/guest/join/" + token);
        speak(token, request);
        try {
            model.addAttribute("email", guests.open(token));
            if (form.password() != null && !form.password().equals(form.password2())) {
                throw LiaisonException.invalid("password2", "invalid.passwords-differ");
            }
            Guest guest = guests.accept(token, nonNull(form.displayName()), form.login(), nonNull(form.password()));
            signIn.signIn(guest, request, response);
            return "redirect:/guest";
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("form", new JoinForm(form.displayName(), form.login(), null, null));
            model.addAttribute(
                    e.status().value() == 410 || e.status().value() == 404 ? "refusal" : "failure", failures.of(e));
            return "identity/guest-join";
        }
    }

    /** A guest lands in their chats; their profile is a link away. */
    @GetMapping
    String home() {
        return "redirect:/guest/chats";
    }

    @GetMapping("/profile")
    String profile(Guest guest, Model model) {
        model.addAttribute("guest", guest);
        model.addAttribute("form", new NameForm(guest.displayName()));
        return "identity/guest";
    }

    @PostMapping("/profile")
    String rename(Guest guest, NameForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            guests.rename(guest, nonNull(form.displayName()));
            flash.addFlashAttribute("notice", "guest.saved");
            return "redirect:/guest/profile";
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("guest", guest);
            model.addAttribute("form", form);
            model.addAttribute("failure", failures.of(e));
            return "identity/guest";
        }
    }

    @PostMapping("/password")
    String changePassword(
            Guest guest, PasswordForm form, Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            guests.changePassword(guest, form.currentPassword(), form.newPassword());
            flash.addFlashAttribute("notice", "guest.passwordChanged");
            return "redirect:/guest/profile";
        } catch (LiaisonException e) {
            response.setStatus(e.status().value());
            model.addAttribute("guest", guest);
            model.addAttribute("form", new NameForm(guest.displayName()));
            model.addAttribute("passwordFailure", failures.of(e));
            return "identity/guest";
        }
    }

    /** The language of the invitation's organization, unless the visitor chose one. */
    private void speak(String token, HttpServletRequest request) {
        boolean chosen = request.getParameter("lang") != null
                || (request.getCookies() != null
                        && Arrays.stream(request.getCookies())
                                .map(Cookie::getName)
                                .anyMatch("liaison-lang"::equals));
        if (!chosen) {
            guests.language(token).ifPresent(tag -> locales.setLocale(request, null, Locale.forLanguageTag(tag)));
        }
    }

    private static String nonNull(@Nullable String value) {
        return value == null ? "" : value;
    }
}
