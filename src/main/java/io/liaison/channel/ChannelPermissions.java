package io.liaison.channel;

import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Managing the organization's channels and reading their delivery log, which administrators do by
 * default. A member manages their own personal robots without it.
 */
@Component
public class ChannelPermissions implements PermissionSet {

    public static final Permission MANAGE = new Permission("channel.manage", "administration", 330, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE);
    }
}
