package io.liaison.identity.web;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.MergePatch;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The navbar's language switch. The choice is saved in the member's profile, which outranks the
 * cookie, so that it follows the member to every browser; the cookie keeps the login page in step.
 */
@Controller
class LanguageSwitch {

    private final MemberService members;
    private final LocaleResolver locales;

    LanguageSwitch(MemberService members, LocaleResolver locales) {
        this.members = members;
        this.locales = locales;
    }

    @PostMapping("/language")
    String switchTo(
            Actor actor,
            @RequestParam String lang,
            @RequestParam(required = false) @Nullable String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        String tag = lang.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh-CN" : "en";
        members.update(actor, actor.memberId(), new MergePatch(Map.of("locale", tag), MemberService.PATCHABLE), null);
        locales.setLocale(request, response, Locale.forLanguageTag(tag));
        return "redirect:" + localPath(back);
    }

    /** Only a path of this site: an absolute or protocol-relative URL would make this an open redirect. */
    static String localPath(@Nullable String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        return back;
    }
}
