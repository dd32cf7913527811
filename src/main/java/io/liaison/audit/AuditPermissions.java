package io.liaison.audit;

import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reading the audit log, which only administrators do by default. */
@Component
public class AuditPermissions implements PermissionSet {

    public static final Permission READ = new Permission("audit.read", "administration", 320, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(READ);
    }
}
