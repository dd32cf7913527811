package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person of the organization who logs in to Liaison. {@code role} is the role's key (a built-in
 * name or a custom role's id), {@code roleName} what people call it; {@code timeZone} is the zone the
 * member chose for themselves, when they chose one over the organization's.
 */
public record Member(
        UUID id,
        String login,
        String displayName,
        @Nullable String mobile,
        @Nullable String email,
        UUID roleId,
        String role,
        String roleName,
        List<UUID> departmentIds,
        boolean active,
        boolean systemAdmin,
        @Nullable String locale,
        @Nullable String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        long version) {

    public Member {
        departmentIds = List.copyOf(departmentIds);
    }
}
