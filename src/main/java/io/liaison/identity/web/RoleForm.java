package io.liaison.identity.web;

import io.liaison.identity.DataScope;
import io.liaison.identity.Permission;
import io.liaison.identity.Role;
import io.liaison.identity.RoleService;
import io.liaison.shared.MergePatch;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The form for a custom role: its name, the checked permissions, the data scope and its departments. */
record RoleForm(
        @Nullable String name,
        @Nullable List<String> permissions,
        @Nullable String dataScope,
        @Nullable List<UUID> deptIds,
        @Nullable Long version) {

    static RoleForm empty() {
        return new RoleForm("", List.of(), DataScope.SELF.name(), List.of(), null);
    }

    static RoleForm of(Role role) {
        return new RoleForm(
                role.name(),
                role.permissions().stream().map(Permission::code).toList(),
                role.dataScope().name(),
                role.departmentIds(),
                role.version());
    }

    public boolean grants(Permission permission) {
        return permissions != null && permissions.contains(permission.code());
    }

    public boolean covers(UUID departmentId) {
        return deptIds != null && deptIds.contains(departmentId);
    }

    /** Every field, so that unchecking all permissions or departments clears them. */
    MergePatch toPatch() {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name == null ? "" : name);
        body.put("permissions", permissions == null ? List.of() : permissions);
        body.put("dataScope", dataScope == null ? "" : dataScope);
        body.put(
                "deptIds",
                deptIds == null
                        ? List.of()
                        : deptIds.stream().map(UUID::toString).toList());
        return new MergePatch(body, RoleService.FIELDS);
    }
}
