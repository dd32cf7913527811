package io.liaison.identity;

import java.io.Serial;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The member on whose behalf a request runs, as loaded from the database for that request: a
 * deactivated member or a changed role takes effect at once.
 *
 * <p>{@code role} is the role's key (a built-in name or a custom role's id). {@code
 * scopeDepartmentIds} are the departments whose members' contacts the data scope covers, already
 * resolved: the member's own for DEPT, with every sub-department for DEPT_TREE, the chosen ones
 * for CUSTOM, none for SELF and ALL. {@code maskContactDetails} is the organization's setting.
 * {@code timeZone} is the zone the member sees times in: their own choice, else the organization's
 * {@code organizationTimeZone}, in which exports write their times.
 */
public record Actor(
        UUID memberId,
        UUID orgId,
        String orgName,
        String orgCode,
        String login,
        String displayName,
        String role,
        String roleName,
        Set<Permission> permissions,
        DataScope dataScope,
        List<UUID> scopeDepartmentIds,
        boolean systemAdmin,
        List<UUID> departmentIds,
        @Nullable String locale,
        boolean maskContactDetails,
        ZoneId timeZone,
        ZoneId organizationTimeZone)
        implements Caller, Serializable {

    @Serial
    private static final long serialVersionUID = 4L;

    public Actor {
        permissions = Set.copyOf(permissions);
        scopeDepartmentIds = List.copyOf(scopeDepartmentIds);
        departmentIds = List.copyOf(departmentIds);
    }

    /** Holds the built-in administrator role. */
    public boolean isAdmin() {
        return BuiltinRole.ADMIN.name().equals(role);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** {@link #can} by the permission's code, for templates: {@code me.may('contact.reveal')}. */
    public boolean may(String code) {
        return permissions.stream().anyMatch(p -> p.code().equals(code));
    }
}
