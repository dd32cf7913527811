package io.liaison.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The member on whose behalf a request runs, as loaded from the database for that request: a
 * deactivated member or a changed role takes effect at once.
 */
public record Actor(
        UUID memberId,
        UUID orgId,
        String orgName,
        String orgCode,
        String login,
        String displayName,
        Role role,
        boolean systemAdmin,
        List<UUID> departmentIds,
        @Nullable String locale)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Actor {
        departmentIds = List.copyOf(departmentIds);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
