package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A node of the organization's department tree. */
public record Department(
        UUID id,
        @Nullable UUID parentId,
        String name,
        int sortOrder,
        int memberCount,
        long version,
        OffsetDateTime createdAt) {}
