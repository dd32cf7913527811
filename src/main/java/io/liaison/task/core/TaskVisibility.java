package io.liaison.task.core;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.SqlFragment;
import io.liaison.task.TaskPermissions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which tasks an actor sees, as SQL over a task row: those they made, those assigned to them, those
 * linked to a contact they see (the contact's rules, from {@code access}), and with {@code
 * task.manage} those made by or assigned to a member their data scope covers. Always within their
 * organization.
 */
@Component
class TaskVisibility {

    private final ContactAccess contacts;

    TaskVisibility(ContactAccess contacts) {
        this.contacts = contacts;
    }

    /** May {@code actor} see the task row {@code alias}? */
    SqlFragment visible(Actor actor, String alias) {
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        SqlFragment mine = SqlFragment.of(alias + ".created_by = ?", actor.memberId())
                .or(SqlFragment.of(
                        "EXISTS (SELECT 1 FROM task_assignee ta WHERE ta.org_id = " + alias + ".org_id"
                                + " AND ta.task_id = " + alias + ".id AND ta.member_id = ?)",
                        actor.memberId()));
        SqlFragment contact = new SqlFragment(
                        "EXISTS (SELECT 1 FROM task_contact tc JOIN contact c ON c.id = tc.contact_id"
                                + " WHERE tc.org_id = " + alias + ".org_id AND tc.task_id = " + alias + ".id AND ",
                        List.of())
                .append("", contacts.visible(actor, "c"), ")");
        return org.and(mine.or(contact).or(managed(actor, alias)));
    }

    /** With {@code task.manage}: made by or assigned to a member the actor's data scope covers. */
    private static SqlFragment managed(Actor actor, String alias) {
        if (!actor.can(TaskPermissions.MANAGE) || actor.dataScope() == DataScope.SELF) {
            return SqlFragment.of("FALSE");
        }
        if (actor.dataScope() == DataScope.ALL) {
            return SqlFragment.of("TRUE");
        }
        if (actor.scopeDepartmentIds().isEmpty()) {
            return SqlFragment.of("FALSE");
        }
        String members = "ARRAY(SELECT md.member_id FROM member_department md"
                + " WHERE md.org_id = ? AND md.department_id = ANY (?))";
        UUID[] departments = actor.scopeDepartmentIds().toArray(UUID[]::new);
        return SqlFragment.of(alias + ".created_by = ANY (" + members + ")", actor.orgId(), departments)
                .or(SqlFragment.of(
                        "EXISTS (SELECT 1 FROM task_assignee tm WHERE tm.org_id = " + alias + ".org_id"
                                + " AND tm.task_id = " + alias + ".id AND tm.member_id = ANY (" + members + "))",
                        actor.orgId(),
                        departments));
    }
}
