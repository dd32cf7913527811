package io.liaison.task;

import io.liaison.identity.BuiltinRole;
import io.liaison.identity.Permission;
import io.liaison.identity.PermissionSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Acting on other members' tasks: a manager sees, edits and completes the tasks made by or assigned to
 * the members their data scope covers. Everyone acts on their own tasks, those assigned to them and
 * those linked to a contact they see, without a permission.
 */
@Component
public class TaskPermissions implements PermissionSet {

    public static final Permission MANAGE = new Permission("task.manage", "task", 500, Set.of(BuiltinRole.MANAGER));

    @Override
    public List<Permission> permissions() {
        return List.of(MANAGE);
    }
}
