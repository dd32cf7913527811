package io.liaison.push;

import io.liaison.identity.BuiltinRole;
import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sending pushes (and keeping the templates they use), which managers do by default; approving a
 * push held for approval, which administrators do.
 */
@Component
public class PushPermissions implements PermissionSet {

    public static final Permission SEND = new Permission("push.send", "push", 400, Set.of(BuiltinRole.MANAGER));
    public static final Permission APPROVE = new Permission("push.approve", "push", 410, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(SEND, APPROVE);
    }
}
