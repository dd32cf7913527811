package io.liaison.notify;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient reads it, title and body in the reader's language. */
public record Notification(
        UUID id,
        String kind,
        String title,
        String body,
        @Nullable String link,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime readAt) {}
