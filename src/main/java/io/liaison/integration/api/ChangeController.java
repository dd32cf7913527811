package io.liaison.integration.api;

import io.liaison.identity.Actor;
import io.liaison.integration.change.ChangeFeed;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed for systems that poll instead of receiving webhooks: what changed, in commit order,
 * from a cursor the previous answer gave.
 */
@RestController
class ChangeController {

    private static final int DEFAULT_LIMIT = 100;

    private final ChangeFeed feed;

    ChangeController(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * The changes after {@code since} (none: from the first) that the caller may see, oldest first.
     * Resume with {@code next}; the feed is caught up when {@code next} equals {@code since}. A page may
     * be empty while {@code next} moves on past changes the caller does not see.
     */
    @GetMapping("/api/v1/changes")
    ChangesResponse list(
            Actor actor,
            @Parameter(
                            description = "The next of an earlier answer",
                            schema = @Schema(maxLength = 64, example = "MTIzNDo1Ng"))
                    @RequestParam(required = false)
                    @Nullable
                    String since,
            @Parameter(description = "How many changes at most, 1 to 1000 (default 100)")
                    @RequestParam(required = false)
                    @Nullable
                    Integer limit) {
        ChangeFeed.Page page = feed.visible(
                actor, since == null || since.isBlank() ? null : since.strip(), limit == null ? DEFAULT_LIMIT : limit);
        return ChangesResponse.of(page);
    }
}
