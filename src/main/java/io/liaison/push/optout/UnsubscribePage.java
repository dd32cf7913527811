package io.liaison.push.optout;

import io.liaison.push.optout.OptOuts.Visit;
import io.liaison.push.optout.UnsubscribeLinks.Subscriber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of an unsubscribe link, without login, in the visitor's language: whose pushes and to
 * whom, a button to unsubscribe and, once unsubscribed, one to subscribe again. A POST without a
 * form field unsubscribes: that is RFC 8058's one-click request, which a mail provider sends for
 * the {@code List-Unsubscribe-Post} header, without cookie or CSRF token. It answers the page (200),
 * not a redirect, which such a client need not follow. An unknown or altered token is 404.
 */
@Controller
@RequestMapping(UnsubscribeLinks.PATH + "{token}")
class UnsubscribePage {

    static final String VIEW = "push/unsubscribe";

    private final UnsubscribeLinks links;
    private final OptOuts optOuts;
    private final UnsubscribeVisits visits;

    UnsubscribePage(UnsubscribeLinks links, OptOuts optOuts, UnsubscribeVisits visits) {
        this.links = links;
        this.optOuts = optOuts;
        this.visits = visits;
    }

    @GetMapping
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return answer(token, optOuts::visit, request, response, model);
    }

    @PostMapping
    String choose(
            @PathVariable String token,
            @RequestParam(defaultValue = "false") boolean subscribe,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return answer(token, subscriber -> optOuts.choose(subscriber, !subscribe), request, response, model);
    }

    private String answer(
            String token,
            Function<Subscriber, Optional<Visit>> action,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("path", UnsubscribeLinks.PATH + token);
        if (!visits.admit(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            model.addAttribute("refusal", "busy");
            return VIEW;
        }
        Optional<Visit> visit = links.read(token).flatMap(action);
        if (visit.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("refusal", "missing");
            return VIEW;
        }
        model.addAttribute("visit", visit.get());
        return VIEW;
    }
}
