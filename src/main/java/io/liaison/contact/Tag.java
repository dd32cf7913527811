package io.liaison.contact;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A label that contacts carry by id, so renaming it renames it everywhere. {@code contactCount} is
 * filled only for administrators, who may count every contact of the organization.
 */
public record Tag(
        UUID id,
        @Schema(maxLength = 30, example = "零售") String name,
        int order,
        UUID groupId,
        long version,
        @Nullable Integer contactCount) {}
