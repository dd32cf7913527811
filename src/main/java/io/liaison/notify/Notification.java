package io.liaison.notify;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A notification as its recipient reads it, title and body in the reader's language. */
public record Notification(
        UUID id,
        @Schema(example = "contact.shared") String kind,
        @Schema(example = "李娜 将 张三 共享给你") String title,
        @Schema(example = "你现在可以查看 张三。") String body,
        @Nullable String link,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime readAt) {}
