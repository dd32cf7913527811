package io.liaison.identity.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.identity.ApiToken;
import io.liaison.identity.TokenService;
import io.liaison.shared.web.ViewerTimes;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My API tokens: a new token's secret appears once, in the answer that created it, and never again. */
@Controller
@RequestMapping("/tokens")
class TokenPages {

    private static final String PANEL = "identity/tokens :: panel";

    private final TokenService tokens;

    TokenPages(TokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    String page(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor, ApiToken.API));
        return "identity/tokens";
    }

    @HxRequest
    @PostMapping
    String create(
            Actor actor,
            @RequestParam String name,
            @RequestParam(required = false) @Nullable String expiresOn,
            Model model) {
        LocalDate day = ViewerTimes.parseDate("expiresOn", expiresOn);
        model.addAttribute("issued", tokens.create(actor, name, endOf(day)));
        page(actor, model);
        return PANEL;
    }

    @HxRequest
    @PostMapping("/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id, Model model) {
        tokens.revoke(actor, id);
        model.addAttribute("notice", "tokens.revoked");
        page(actor, model);
        return PANEL;
    }

    /** A token "valid until" a day works through that whole day, in the member's time zone. */
    private static @Nullable OffsetDateTime endOf(@Nullable LocalDate day) {
        return day == null ? null : ViewerTimes.startOf(day.plusDays(1));
    }
}
