package io.liaison.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A set of permissions and a data scope, given to members. {@code key} is what members name it by:
 * the built-in role's name ({@code ADMIN}, {@code MANAGER}, {@code MEMBER}) or a custom role's id.
 */
public record Role(
        UUID id,
        @Nullable BuiltinRole builtin,
        String name,
        Set<Permission> permissions,
        DataScope dataScope,
        List<UUID> departmentIds,
        int memberCount,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Role {
        permissions = Set.copyOf(permissions);
        departmentIds = List.copyOf(departmentIds);
    }

    public String key() {
        return builtin == null ? id.toString() : builtin.name();
    }
}
