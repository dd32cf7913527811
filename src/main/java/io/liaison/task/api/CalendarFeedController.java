package io.liaison.task.api;

import io.liaison.identity.Actor;
import io.liaison.task.feed.CalendarFeeds;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actor's private calendar feed: POST makes it, or a new URL for it (the old one stops working),
 * and answers the URL this once; DELETE revokes it. The feed itself is {@code /ics/{token}.ics}.
 */
@RestController
@RequestMapping("/api/v1/me/calendar-feed")
class CalendarFeedController {

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    record FeedUrl(
            @Schema(
                    description = "The feed's secret address, shown once",
                    maxLength = 2100,
                    example = "https://liaison.example.com/ics/3q2-7wEjAbCdEfGhIjKlMnOpQrStUvWxYz0123456789A.ics")
            String url) {}

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    FeedUrl create(Actor actor) {
        return new FeedUrl(feeds.create(actor));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping
    void revoke(Actor actor) {
        feeds.revoke(actor);
    }
}
