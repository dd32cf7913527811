package io.liaison.contact.web;

import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.MemberService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The organization's members and departments by id, for showing owners, authors and shares by name;
 * deactivated members stay, as they still own contacts. Pickers search members instead (MemberSearch).
 */
@Component
class MemberDirectory {

    private final MemberService members;
    private final DepartmentService departments;

    MemberDirectory(MemberService members, DepartmentService departments) {
        this.members = members;
        this.departments = departments;
    }

    /** Every member's name, one query even for thousands, rather than reading whole members page by page. */
    Map<UUID, String> names(Actor actor) {
        return members.displayNames(actor);
    }

    /** The names of those of {@code ids} who are members, whether or not they left. */
    Map<UUID, String> names(Actor actor, Collection<UUID> ids) {
        return members.displayNames(actor, ids, false);
    }

    /** The departments depth first, siblings by sort order and name, as the department page shows them. */
    List<DepartmentTree.Node> departmentTree(Actor actor) {
        return DepartmentTree.of(departments.list(actor)).nodes();
    }

    Map<UUID, String> departmentNames(Actor actor) {
        Map<UUID, String> names = new LinkedHashMap<>();
        departments.list(actor).forEach((Department d) -> names.put(d.id(), d.name()));
        return names;
    }
}
