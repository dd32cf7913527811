package io.liaison.integration;

import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Managing the organization's integrations (its outbound webhooks and their delivery log), which
 * administrators do by default: an endpoint receives every change of the organization's contacts,
 * whoever may see them.
 */
@Component
public class IntegrationPermissions implements PermissionSet {

    public static final Permission MANAGE = new Permission("integration.manage", "administration", 340, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE);
    }
}
