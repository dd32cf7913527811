package io.liaison.identity;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The permissions {@code identity} checks: managing members with departments, and roles. */
@Component
public class IdentityPermissions implements PermissionSet {

    public static final Permission MEMBER_MANAGE = new Permission("member.manage", "administration", 300, Set.of());
    public static final Permission ROLE_MANAGE = new Permission("role.manage", "administration", 310, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(MEMBER_MANAGE, ROLE_MANAGE);
    }
}
