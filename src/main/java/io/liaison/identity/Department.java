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

        @Schema(description = "Active members who belong to this department itself.")
        int memberCount,

        @Schema(
                description = "Active members of this department and of all its sub-departments, each counted once,"
                        + " as the department page shows it.")
        int totalMemberCount,

        long version,
        OffsetDateTime createdAt) {}
