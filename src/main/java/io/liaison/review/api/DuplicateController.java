package io.liaison.review.api;

import io.liaison.identity.Actor;
import io.liaison.review.duplicate.DuplicateService;
import io.liaison.review.duplicate.DuplicateView;
import io.liaison.shared.CursorPage;
import io.liaison.shared.StoredMessages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Duplicate contacts found by the review: the open pairs whose two contacts the caller sees, highest
 * score first, each with its evidence; and "not a duplicate", remembered for the pair, for a caller
 * who may edit both contacts.
 */
@RestController
@RequestMapping("/api/v1/review/duplicates")
class DuplicateController {

    private final DuplicateService duplicates;
    private final StoredMessages stored;

    DuplicateController(DuplicateService duplicates, StoredMessages stored) {
        this.duplicates = duplicates;
        this.stored = stored;
    }

    @GetMapping
    CursorPage<DuplicateResponse> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        CursorPage<DuplicateView> page = duplicates.list(actor, cursor, CursorPage.limit(limit));
        Map<UUID, List<UUID>> clusters = duplicates.clusterMembers(
                actor, page.items().stream().map(DuplicateView::clusterKey).toList());
        return page.map(d -> response(d, clusters.getOrDefault(d.clusterKey(), List.of(d.a().id(), d.b().id()))));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{id}/dismiss")
    void dismiss(Actor actor, @PathVariable UUID id) {
        duplicates.dismiss(actor, id);
    }

    private DuplicateResponse response(DuplicateView d, List<UUID> cluster) {
        return new DuplicateResponse(
                d.id(),
                d.score(),
                d.exact() ? "exact" : "likely",
                d.evidence().stream()
                        .map(e -> new DuplicateResponse.EvidenceResponse(
                                e.code(), Objects.requireNonNull(stored.text(DuplicateService.words(e)))))
                        .toList(),
                List.of(side(d.a()), side(d.b())),
                d.clusterKey(),
                cluster);
    }

    private static DuplicateResponse.ContactSide side(DuplicateView.Side s) {
        return new DuplicateResponse.ContactSide(s.id(), s.name(), s.company(), s.ownerName());
    }
}
