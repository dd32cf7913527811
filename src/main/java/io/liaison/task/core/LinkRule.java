package io.liaison.task.core;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.SqlFragment;
import io.liaison.task.TaskPermissions;
import java.util.List;
import java.util.UUID;

/**
 * Who sees and who changes a record of the task module (a task, an event), as SQL over its row, from
 * its maker ({@code created_by}) and two link tables keyed by {@code key}: its people ({@code
 * member_id}: a task's assignees, an event's attending members) and its contacts ({@code contact_id}).
 * It is seen by its maker, its people, whoever sees one of its contacts (the contact's rules, from
 * {@code access}), and with {@code task.manage} those whose data scope covers its maker or one of its
 * people; it is changed by all of them but those who see it through a contact only. Always within the
 * actor's organization.
 */
public record LinkRule(String people, String contacts, String key) {

    /** May {@code actor} see the row {@code alias}? */
    public SqlFragment visible(ContactAccess access, Actor actor, String alias) {
        SqlFragment contact = new SqlFragment(
                        "EXISTS (SELECT 1 FROM " + contacts + " lc JOIN contact c ON c.id = lc.contact_id"
                                + " WHERE lc.org_id = " + alias + ".org_id AND lc." + key + " = " + alias + ".id AND ",
                        List.of())
                .append("", access.visible(actor, "c"), ")");
        return org(actor, alias).and(mine(actor, alias).or(contact).or(managed(actor, alias)));
    }

    /** May {@code actor} change the row {@code alias}: its maker, its people, and a manager over them. */
    public SqlFragment editable(Actor actor, String alias) {
        return org(actor, alias).and(mine(actor, alias).or(managed(actor, alias)));
    }

    private static SqlFragment org(Actor actor, String alias) {
        return SqlFragment.of(alias + ".org_id = ?", actor.orgId());
    }

    private SqlFragment mine(Actor actor, String alias) {
        return SqlFragment.of(alias + ".created_by = ?", actor.memberId())
                .or(SqlFragment.of(
                        "EXISTS (SELECT 1 FROM " + people + " lp WHERE lp.org_id = " + alias + ".org_id AND lp." + key
                                + " = " + alias + ".id AND lp.member_id = ?)",
                        actor.memberId()));
    }

    /** With {@code task.manage}: made by or linked to a member the actor's data scope covers. */
    private SqlFragment managed(Actor actor, String alias) {
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
                        "EXISTS (SELECT 1 FROM " + people + " lm WHERE lm.org_id = " + alias + ".org_id AND lm." + key
                                + " = " + alias + ".id AND lm.member_id = ANY (" + members + "))",
                        actor.orgId(),
                        departments));
    }
}
