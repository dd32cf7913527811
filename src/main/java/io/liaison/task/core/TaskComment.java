package io.liaison.task.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A member's comment on a task, as everyone who sees the task reads it. */
public record TaskComment(
        UUID id,
        UUID authorId,
        @Schema(example = "李娜") String authorName,
        @Schema(example = "客户要求周五前报价") String body,
        Instant createdAt) {}
