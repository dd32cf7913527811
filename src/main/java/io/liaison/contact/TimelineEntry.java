package io.liaison.contact;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a contact's timeline: {@code kind} is created, updated, owner_changed, tags_changed,
 * tag_deleted, trashed, restored or follow_up; {@code data} holds its details (for updated, the
 * changed fields with before and after).
 */
public record TimelineEntry(
        UUID id, OffsetDateTime at, @Nullable UUID actorId, String kind, Map<String, Object> data) {}
