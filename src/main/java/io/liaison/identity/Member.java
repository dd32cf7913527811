package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person of the organization who logs in to Liaison. */
public record Member(
        UUID id,
        String login,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        Role role,
        List<UUID> departmentIds,
        boolean active,
        boolean systemAdmin,
        @Nullable String locale,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public Member {
        departmentIds = List.copyOf(departmentIds);
    }
}
