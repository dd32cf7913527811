package io.liaison.contact.web;

import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The organization's members and departments by id, for showing owners, authors and shares by name.
 * Organizations are small enough to read whole; deactivated members stay, as they still own contacts.
 */
@Component
class MemberDirectory {

    private final MemberService members;
    private final DepartmentService departments;

    MemberDirectory(MemberService members, DepartmentService departments) {
        this.members = members;
        this.departments = departments;
    }

    List<Member> all(Actor actor) {
        List<Member> all = new ArrayList<>();
        String cursor = null;
        do {
            CursorPage<Member> page =
                    members.list(actor, new MemberService.Filter(null, null, true), cursor, CursorPage.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    List<Member> active(Actor actor) {
        return all(actor).stream().filter(Member::active).toList();
    }

    Map<UUID, String> names(Actor actor) {
        Map<UUID, String> names = new LinkedHashMap<>();
        all(actor).forEach(m -> names.put(m.id(), m.displayName()));
        return names;
    }

    /** A department and how deep it lies in the tree, for an indented checklist. */
    record DepartmentNode(Department department, int depth) {}

    /** The departments depth first, siblings by sort order and name, as the department page shows them. */
    List<DepartmentNode> departmentTree(Actor actor) {
        List<Department> all = departments.list(actor);
        Map<UUID, Department> byId = new LinkedHashMap<>();
        all.forEach(d -> byId.put(d.id(), d));
        List<DepartmentNode> nodes = new ArrayList<>();
        addChildren(nodes, all, byId, null, 0);
        return nodes;
    }

    private static void addChildren(
            List<DepartmentNode> nodes,
            List<Department> all,
            Map<UUID, Department> byId,
            @Nullable UUID parent,
            int depth) {
        all.stream()
                .filter(d -> Objects.equals(
                        d.parentId() != null && byId.containsKey(d.parentId()) ? d.parentId() : null, parent))
                .sorted(Comparator.comparingInt(Department::sortOrder).thenComparing(Department::name))
                .forEach(d -> {
                    nodes.add(new DepartmentNode(d, depth));
                    addChildren(nodes, all, byId, d.id(), depth + 1);
                });
    }

    Map<UUID, String> departmentNames(Actor actor) {
        Map<UUID, String> names = new LinkedHashMap<>();
        departments.list(actor).forEach((Department d) -> names.put(d.id(), d.name()));
        return names;
    }
}
