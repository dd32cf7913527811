package io.liaison.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A node of the organization's department tree. */
public record Department(
        UUID id,
        @Nullable UUID parentId,

        @Schema(maxLength = DepartmentService.MAX_NAME, example = "华东销售部")
        String name,

        int sortOrder,
        int memberCount,
        long version,
        OffsetDateTime createdAt) {}
