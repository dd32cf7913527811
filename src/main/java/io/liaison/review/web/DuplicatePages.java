package io.liaison.review.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.liaison.identity.Actor;
import io.liaison.review.duplicate.DuplicateService;
import io.liaison.review.duplicate.DuplicateView;
import io.liaison.shared.CursorPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The duplicates tab: the open pairs whose two contacts the member sees, surest first, side by side
 * with their evidence in words; "Merge" opens the merge of the pair (or of its whole cluster), "Not a
 * duplicate" closes the pair for good and removes its card.
 */
@Controller
class DuplicatePages {

    static final int PAGE = 30;

    private final DuplicateService duplicates;

    DuplicatePages(DuplicateService duplicates) {
        this.duplicates = duplicates;
    }

    /** A pair as the page shows it, with the contacts of its cluster that a merge would take. */
    record Card(DuplicateView pair, List<UUID> cluster) {}

    @GetMapping("/review/duplicates")
    String list(Actor actor, @RequestParam(required = false) @Nullable String cursor, Model model) {
        CursorPage<DuplicateView> page = duplicates.list(actor, cursor, PAGE);
        Map<UUID, List<UUID>> clusters = duplicates.clusterMembers(
                actor, page.items().stream().map(DuplicateView::clusterKey).toList());
        model.addAttribute(
                "cards",
                page.items().stream()
                        .map(d -> new Card(d, clusters.getOrDefault(d.clusterKey(), List.of(d.a().id(), d.b().id()))))
                        .toList());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("first", cursor == null || cursor.isBlank());
        return "review/duplicates";
    }

    @HxRequest
    @PostMapping("/review/duplicates/{id}/dismiss")
    String dismiss(Actor actor, @PathVariable UUID id, Model model) {
        duplicates.dismiss(actor, id);
        return "review/duplicates :: dismissed";
    }
}
