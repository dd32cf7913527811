package io.liaison.notify.api;

import io.liaison.identity.Actor;
import io.liaison.notify.Notification;
import io.liaison.notify.Notifications;
import io.liaison.shared.CursorPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications: nobody reads or marks another member's. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    record CountResponse(@Schema(example = "3") int count) {}

    record MarkedResponse(@Schema(example = "3") int marked) {}

    /** Newest first; {@code unread=true} lists only those not read yet. */
    @GetMapping
    CursorPage<Notification> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Boolean unread,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return notifications.list(actor, Boolean.TRUE.equals(unread), cursor, CursorPage.limit(limit));
    }

    /** How many of the caller's notifications are unread: the bell's figure. */
    @GetMapping("/count")
    CountResponse count(Actor actor) {
        return new CountResponse(notifications.unread(actor));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(Actor actor, @PathVariable UUID id) {
        notifications.markRead(actor, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    MarkedResponse readAll(Actor actor) {
        return new MarkedResponse(notifications.markAllRead(actor));
    }
}
