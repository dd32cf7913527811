package io.liaison.contact;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A label that contacts carry by id, so renaming it renames it everywhere. {@code contactCount} is
 * filled only for administrators, who may count every contact of the organization.
 */
public record Tag(
        UUID id,
        String name,
        int order,
        UUID groupId,
        long version,
        @Nullable Integer contactCount) {}
