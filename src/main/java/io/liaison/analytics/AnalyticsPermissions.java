package io.liaison.analytics;

import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Recomputing the organization's figures from the source tables (administrators). */
@Component
public class AnalyticsPermissions implements PermissionSet {

    public static final Permission REBUILD = new Permission("analytics.rebuild", "analytics", 700, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(REBUILD);
    }
}
