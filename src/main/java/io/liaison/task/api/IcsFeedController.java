package io.liaison.task.api;

import io.liaison.task.feed.CalendarFeeds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's calendar feed, as calendar programs read it: without a session, the secret token in the
 * path being the key ({@code FeedSecurity}). An unknown, revoked or replaced token is a plain 404; a
 * feed read too often this minute a 429 with Retry-After.
 */
@RestController
class IcsFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    IcsFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/ics/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        CalendarFeeds.Answer answer = feeds.read(token);
        if (answer instanceof CalendarFeeds.Answer.Found found) {
            return ResponseEntity.ok()
                    .contentType(CALENDAR)
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePrivate())
                    .body(found.ics());
        }
        if (answer instanceof CalendarFeeds.Answer.Busy) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, "60")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("Read too often; try again in a minute\n");
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_PLAIN)
                .body("Not found\n");
    }
}
