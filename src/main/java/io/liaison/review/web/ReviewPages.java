package io.liaison.review.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.Tag;
import io.liaison.identity.Actor;
import io.liaison.review.finding.FindingChecks;
import io.liaison.review.finding.FindingQueries;
import io.liaison.review.finding.FindingQueries.FindingView;
import io.liaison.review.finding.ReasonTexts;
import io.liaison.review.finding.ReviewSettings;
import io.liaison.review.finding.StaleRules;
import io.liaison.shared.CursorPage;
import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review dashboard: the open findings on the contacts the viewer sees, counted by kind with their
 * trend over 30 days, the findings of one kind with their reasons, "check now" with when the latest
 * check finished, and the stale rules per tag (set by whoever manages tags).
 */
@Controller
class ReviewPages {

    static final int PAGE_SIZE = 50;

    private final FindingQueries findings;
    private final FindingChecks checks;
    private final ReasonTexts texts;
    private final StaleRules rules;
    private final ContactSetup setup;
    private final ReviewSettings settings;

    ReviewPages(
            FindingQueries findings,
            FindingChecks checks,
            ReasonTexts texts,
            StaleRules rules,
            ContactSetup setup,
            ReviewSettings settings) {
        this.findings = findings;
        this.checks = checks;
        this.texts = texts;
        this.rules = rules;
        this.setup = setup;
        this.settings = settings;
    }

    /** A finding's row: the contact, the reason in words, when it was found. */
    record FindingRow(UUID contactId, String name, String kind, String sentence, Instant foundAt) {}

    @GetMapping("/review")
    String overview(Actor actor, @RequestParam(required = false) @Nullable String kind, Model model) {
        Map<String, Long> counts = findings.openCounts(actor);
        String chosen = FindingQueries.kind(kind);
        if (chosen == null) {
            chosen = counts.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(FindingQueries.KINDS.get(0));
        }
        model.addAttribute("counts", counts);
        model.addAttribute("trends", Sparkline.of(findings.trend(actor)));
        model.addAttribute("kind", chosen);
        model.addAttribute("findings", page(actor, chosen, null));
        model.addAttribute("check", checks.state(actor));
        rulesModel(actor, model);
        return "review/overview";
    }

    @HxRequest
    @GetMapping("/review/findings")
    String more(Actor actor, @RequestParam String kind, @RequestParam String cursor, Model model) {
        String chosen = FindingQueries.kind(kind);
        model.addAttribute("kind", chosen);
        model.addAttribute("findings", page(actor, chosen, cursor));
        return "review/overview :: rows";
    }

    /** Queues a check of the viewer's organization (one at most waits) and comes back to the dashboard. */
    @PostMapping("/review/check")
    String checkNow(Actor actor, @RequestParam(required = false) @Nullable String kind, RedirectAttributes flash) {
        checks.checkNow(actor);
        flash.addFlashAttribute("notice", "review.check.queued");
        String chosen = FindingQueries.kind(kind);
        return chosen == null ? "redirect:/review" : "redirect:/review?kind=" + chosen;
    }

    /** Sets a tag's stale rule; empty days remove it. */
    @HxRequest
    @PostMapping("/review/stale-rules")
    String setRule(
            Actor actor, @RequestParam UUID tagId, @RequestParam(required = false) @Nullable String days, Model model) {
        rules.set(actor, tagId, days(days));
        rulesModel(actor, model);
        model.addAttribute("saved", true);
        return "review/overview :: rules";
    }

    private CursorPage<FindingRow> page(Actor actor, @Nullable String kind, @Nullable String cursor) {
        Locale locale = LocaleContextHolder.getLocale();
        return findings.list(actor, kind, cursor, PAGE_SIZE)
                .map((FindingView f) -> new FindingRow(
                        f.contactId(),
                        f.contactName(),
                        f.kind(),
                        texts.sentence(f.reason(), f.detail(), locale, actor.timeZone()),
                        f.foundAt()));
    }

    private void rulesModel(Actor actor, Model model) {
        model.addAttribute("staleRules", rules.list(actor));
        model.addAttribute("staleDays", settings.staleDays());
        if (actor.may("tag.manage")) {
            Map<String, List<Tag>> byGroup = new LinkedHashMap<>();
            setup.tagGroups(actor).forEach(group -> byGroup.put(group.name(), group.tags()));
            model.addAttribute("tagGroups", byGroup);
        }
    }

    /** The days a form says: empty for none, else a whole number within the rule's bounds. */
    private static @Nullable Integer days(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw LiaisonException.invalid("days", "invalid.between", StaleRules.MIN_DAYS, StaleRules.MAX_DAYS);
        }
    }
}
