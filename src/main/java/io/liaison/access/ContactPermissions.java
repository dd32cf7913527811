package io.liaison.access;

import static io.liaison.identity.BuiltinRole.MANAGER;
import static io.liaison.identity.BuiltinRole.MEMBER;

import io.liaison.identity.BuiltinRole;
import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a role allows with contacts. Declared here rather than in {@code contact} because this module
 * turns them into the visibility rules, and {@code contact} depends on it, not the other way round.
 */
@Component
public class ContactPermissions implements PermissionSet {

    public static final Permission CREATE = contacts("contact.create", 100, Set.of(MANAGER, MEMBER));
    public static final Permission EDIT = contacts("contact.edit", 110, Set.of(MANAGER, MEMBER));
    public static final Permission DELETE = contacts("contact.delete", 120, Set.of(MANAGER, MEMBER));
    public static final Permission ASSIGN = contacts("contact.assign", 130, Set.of(MANAGER));
    public static final Permission REVEAL = contacts("contact.reveal", 140, Set.of(MANAGER));
    public static final Permission EXPORT = contacts("contact.export", 150, Set.of(MANAGER));
    /** Purge contacts from the trash before their retention ends (administrators; audited). */
    public static final Permission PURGE = contacts("contact.purge", 160, Set.of());

    @Override
    public List<Permission> permissions() {
        return List.of(CREATE, EDIT, DELETE, ASSIGN, REVEAL, EXPORT, PURGE);
    }

    private static Permission contacts(String code, int order, Set<BuiltinRole> heldBy) {
        return new Permission(code, "contacts", order, heldBy);
    }
}
