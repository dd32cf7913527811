package io.liaison.identity;

import static io.liaison.identity.Permission.CONTACT_ASSIGN;
import static io.liaison.identity.Permission.CONTACT_CREATE;
import static io.liaison.identity.Permission.CONTACT_DELETE;
import static io.liaison.identity.Permission.CONTACT_EDIT;
import static io.liaison.identity.Permission.CONTACT_EXPORT;
import static io.liaison.identity.Permission.CONTACT_REVEAL;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles every organization has. They cannot be changed or deleted; their permissions are
 * defined here, so that a permission added later reaches them without a migration.
 */
public enum BuiltinRole {
    /** Manages the organization: everything, every contact. */
    ADMIN(EnumSet.allOf(Permission.class), DataScope.ALL),
    /** Leads a team: the contacts of their departments and below, which they may reveal and export. */
    MANAGER(
            EnumSet.of(CONTACT_CREATE, CONTACT_EDIT, CONTACT_DELETE, CONTACT_EXPORT, CONTACT_REVEAL, CONTACT_ASSIGN),
            DataScope.DEPT_TREE),
    /** Works with the contacts they follow or that are shared with them. */
    MEMBER(EnumSet.of(CONTACT_CREATE, CONTACT_EDIT, CONTACT_DELETE), DataScope.SELF);

    private final Set<Permission> permissions;
    private final DataScope dataScope;

    BuiltinRole(Set<Permission> permissions, DataScope dataScope) {
        this.permissions = Set.copyOf(permissions);
        this.dataScope = dataScope;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public DataScope dataScope() {
        return dataScope;
    }
}
