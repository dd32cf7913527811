package io.liaison.task.event;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.shared.SqlFragment;
import io.liaison.task.TaskPermissions;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which calendar events an actor sees, as SQL over an event row, by the rule of tasks: those they
 * made, those they attend, those with a contact they see (the contact's rules, from {@code access}),
 * and with {@code task.manage} those made or attended by a member their data scope covers. Always
 * within their organization.
 */
@Component
class EventVisibility {

    private final ContactAccess contacts;

    EventVisibility(ContactAccess contacts) {
        this.contacts = contacts;
    }

    /** May {@code actor} see the event row {@code alias}? */
    SqlFragment visible(Actor actor, String alias) {
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        SqlFragment mine = SqlFragment.of(alias + ".created_by = ?", actor.memberId())
                .or(SqlFragment.of(
                        "EXISTS (SELECT 1 FROM calendar_event_member em WHERE em.org_id = " + alias + ".org_id"
                                + " AND em.event_id = " + alias + ".id AND em.member_id = ?)",
                        actor.memberId()));
        SqlFragment contact = new SqlFragment(
                        "EXISTS (SELECT 1 FROM calendar_event_contact ec JOIN contact c ON c.id = ec.contact_id"
                                + " WHERE ec.org_id = " + alias + ".org_id AND ec.event_id = " + alias + ".id AND ",
                        List.of())
                .append("", contacts.visible(actor, "c"), ")");
        return org.and(mine.or(contact).or(managed(actor, alias)));
    }

    /**
     * May {@code actor} change or cancel the event row {@code alias}: its maker, its attending members
     * and a manager over them; not one who sees it only through a contact.
     */
    SqlFragment editable(Actor actor, String alias) {
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        SqlFragment mine = SqlFragment.of(alias + ".created_by = ?", actor.memberId())
                .or(SqlFragment.of(
                        "EXISTS (SELECT 1 FROM calendar_event_member em WHERE em.org_id = " + alias + ".org_id"
                                + " AND em.event_id = " + alias + ".id AND em.member_id = ?)",
                        actor.memberId()));
        return org.and(mine.or(managed(actor, alias)));
    }

    /** With {@code task.manage}: made or attended by a member the actor's data scope covers. */
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
                        "EXISTS (SELECT 1 FROM calendar_event_member mm WHERE mm.org_id = " + alias + ".org_id"
                                + " AND mm.event_id = " + alias + ".id AND mm.member_id = ANY (" + members + "))",
                        actor.orgId(),
                        departments));
    }
}
