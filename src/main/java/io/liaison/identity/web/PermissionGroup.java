package io.liaison.identity.web;

import static io.liaison.identity.Permission.AUDIT_READ;
import static io.liaison.identity.Permission.CONTACT_ASSIGN;
import static io.liaison.identity.Permission.CONTACT_CREATE;
import static io.liaison.identity.Permission.CONTACT_DELETE;
import static io.liaison.identity.Permission.CONTACT_EDIT;
import static io.liaison.identity.Permission.CONTACT_EXPORT;
import static io.liaison.identity.Permission.CONTACT_REVEAL;
import static io.liaison.identity.Permission.FIELD_MANAGE;
import static io.liaison.identity.Permission.MEMBER_MANAGE;
import static io.liaison.identity.Permission.ROLE_MANAGE;
import static io.liaison.identity.Permission.TAG_MANAGE;

import io.liaison.identity.Permission;
import java.util.List;
import java.util.Set;

/** Permissions as the role form and the role list group them; {@code key} names the group's heading. */
record PermissionGroup(String key, List<Permission> permissions) {

    static final List<PermissionGroup> ALL = List.of(
            new PermissionGroup(
                    "contacts",
                    List.of(
                            CONTACT_CREATE,
                            CONTACT_EDIT,
                            CONTACT_DELETE,
                            CONTACT_ASSIGN,
                            CONTACT_REVEAL,
                            CONTACT_EXPORT)),
            new PermissionGroup("setup", List.of(TAG_MANAGE, FIELD_MANAGE)),
            new PermissionGroup("administration", List.of(MEMBER_MANAGE, ROLE_MANAGE, AUDIT_READ)));

    /** Those of this group's permissions that {@code held} has, in the group's order. */
    public List<Permission> heldOf(Set<Permission> held) {
        return permissions.stream().filter(held::contains).toList();
    }
}
