package io.liaison.contact.web;

import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.DepartmentTree;
import io.liaison.identity.Member;
import io.liaison.identity.MemberFilter;
import io.liaison.identity.MemberService;
import io.liaison.shared.CursorPage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                    members.list(actor, new MemberFilter(null, null, true), cursor, CursorPage.MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    Map<UUID, String> names(Actor actor) {
        Map<UUID, String> names = new LinkedHashMap<>();
        all(actor).forEach(m -> names.put(m.id(), m.displayName()));
        return names;
    }

    /** The names of those of {@code ids} who are members, whether or not they left. */
    Map<UUID, String> names(Actor actor, Collection<UUID> ids) {
        return members.displayNames(actor, ids);
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
