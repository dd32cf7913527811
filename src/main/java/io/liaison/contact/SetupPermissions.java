package io.liaison.contact;

import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What a role allows with the organization's tags and custom fields. */
@Component
public class SetupPermissions implements PermissionSet {

    public static final Permission TAG_MANAGE = new Permission("tag.manage", "setup", 200, Set.of());
    public static final Permission FIELD_MANAGE = new Permission("field.manage", "setup", 210, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(TAG_MANAGE, FIELD_MANAGE);
    }
}
