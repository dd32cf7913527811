package io.liaison.identity.web;

import io.liaison.identity.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Permissions as the role form and the role list group them; {@code key} names the group's heading. */
record PermissionGroup(String key, List<Permission> permissions) {

    /** The groups of {@code all}, in the order of their first permission. */
    static List<PermissionGroup> of(List<Permission> all) {
        Map<String, List<Permission>> byGroup = new LinkedHashMap<>();
        for (Permission p : all) {
            byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        return byGroup.entrySet().stream()
                .map(e -> new PermissionGroup(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }

    /** The key of the group's heading in the message bundles. */
    public String messageKey() {
        return permissions.get(0).groupMessageKey();
    }

    /** Those of this group's permissions that {@code held} has, in the group's order. */
    public List<Permission> heldOf(Set<Permission> held) {
        return permissions.stream().filter(held::contains).toList();
    }
}
