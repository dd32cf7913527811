package io.liaison.access;

import io.liaison.identity.Actor;
import io.liaison.identity.DataScope;
import io.liaison.identity.Permission;
import io.liaison.shared.SqlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what an actor may do with which contacts, as SQL over a contact table
 * alias, so that every read and write filters in the database, in the transaction of the request.
 *
 * <ul>
 *   <li>The member who follows a contact may do everything with it, handing it over included.
 *   <li>Collaborators see and edit it; read shares (to a member or one of their departments) see it.
 *   <li>The role's data scope covers contacts followed by the members of some departments (or all);
 *       within it, {@code contact.edit}, {@code contact.delete} and {@code contact.assign} allow
 *       the matching action.
 * </ul>
 *
 * The organization filter is part of every predicate.
 */
@Component
public class ContactAccess {

    /** May {@code actor} do {@code action} with the contact row {@code alias}? */
    public SqlFragment allows(Actor actor, ContactAction action, String alias) {
        return allows(actor, action, alias, alias + ".id");
    }

    /**
     * The same over a row {@code alias} that holds a contact's {@code org_id} and {@code owner_id},
     * with its id in {@code idColumn}, such as a search key row.
     */
    public SqlFragment allows(Actor actor, ContactAction action, String alias, String idColumn) {
        Row row = new Row(alias, idColumn);
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        SqlFragment owner = SqlFragment.of(alias + ".owner_id = ?", actor.memberId());
        SqlFragment rule = switch (action) {
            case SEE ->
                reasonsToSee(actor, row).stream()
                        .map(VisiblePart::condition)
                        .reduce(SqlFragment::or)
                        .orElseThrow();
            case EDIT -> owner.or(collaborator(actor, row)).or(scoped(actor, ContactPermissions.EDIT, row));
            case SHARE -> owner.or(scoped(actor, ContactPermissions.EDIT, row));
            case DELETE -> owner.or(scoped(actor, ContactPermissions.DELETE, row));
            case ASSIGN -> owner.or(scoped(actor, ContactPermissions.ASSIGN, row));
        };
        return org.and(rule);
    }

    /** May {@code actor} see the contact row {@code alias}? */
    public SqlFragment visible(Actor actor, String alias) {
        return allows(actor, ContactAction.SEE, alias);
    }

    /**
     * Is the contact row {@code alias} the actor's own: followed by them, collaborated on, or shared
     * with them or one of their departments (with the organization filter; not the data scope)?
     */
    public SqlFragment personal(Actor actor, String alias) {
        Row row = new Row(alias, alias + ".id");
        SqlFragment own = SqlFragment.of(alias + ".owner_id = ?", actor.memberId())
                .or(collaborator(actor, row))
                .or(sharedToMember(actor, row))
                .or(sharedToDepartment(actor, row));
        return SqlFragment.of(alias + ".org_id = ?", actor.orgId()).and(own);
    }

    /**
     * {@link #visible} split by reason into conditions that no contact meets twice (followed by the
     * actor; else a collaboration; else a share; else the data scope), each with the organization
     * filter. A query may run one branch per condition, so that each branch uses its own index (a
     * member's own contacts in the order of the list, say) where one plan for their OR could not.
     */
    public List<SqlFragment> visibleParts(Actor actor, String alias) {
        return visibleParts(actor, alias, alias + ".id");
    }

    /**
     * The same over a row {@code alias} that holds a contact's {@code org_id} and {@code owner_id},
     * with its id in {@code idColumn}, such as a search key row.
     */
    public List<SqlFragment> visibleParts(Actor actor, String alias, String idColumn) {
        return visiblePartsByKind(actor, alias, idColumn).stream()
                .map(VisiblePart::condition)
                .toList();
    }

    /**
     * A part of {@link #visibleParts}: its condition, and whether it names its contacts by a list of
     * ids (a collaboration or a share, usually a few contacts) rather than by their owner.
     */
    public record VisiblePart(SqlFragment condition, boolean byIds) {}

    /** {@link #visibleParts} with the kind of each part, in the same order. */
    public List<VisiblePart> visiblePartsByKind(Actor actor, String alias, String idColumn) {
        // Each reason is true or false, never null, so that NOT of the earlier ones is their complement.
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        List<VisiblePart> parts = new ArrayList<>();
        SqlFragment earlier = null;
        for (VisiblePart part : reasonsToSee(actor, new Row(alias, idColumn))) {
            SqlFragment reason = part.condition();
            parts.add(new VisiblePart(org.and(earlier == null ? reason : reason.and(earlier.not())), part.byIds()));
            earlier = earlier == null ? reason : earlier.or(reason);
        }
        return parts;
    }

    /**
     * Are the figures of the member named by {@code memberColumn}, in rows {@code alias} with an
     * {@code org_id}, the actor's to see? Their own, and those of every member their data scope covers
     * (a manager's department tree, an administrator's organization), as the contacts those members
     * follow are; with the organization filter. Analytics counts by member through it, so a figure
     * never tells more about a member's contacts than the contact list does.
     */
    public SqlFragment figuresOf(Actor actor, String alias, String memberColumn) {
        SqlFragment own = SqlFragment.of(memberColumn + " = ?", actor.memberId());
        SqlFragment rule = actor.dataScope() == DataScope.SELF ? own : own.or(inScope(actor, memberColumn));
        return SqlFragment.of(alias + ".org_id = ?", actor.orgId()).and(rule);
    }

    /**
     * Does {@link #figuresOf} hold for every member of the actor's organization? Then figures kept for the
     * whole organization, not by member, are theirs to read.
     */
    public boolean figuresOfEveryone(Actor actor) {
        return actor.dataScope() == DataScope.ALL;
    }

    /**
     * Does {@code actor} see the contact's mobile, phones and e-mails in full without revealing them?
     * Only the member who follows it does, unless the organization has turned masking off.
     */
    public boolean seesInFull(Actor actor, UUID ownerId) {
        return !actor.maskContactDetails() || actor.memberId().equals(ownerId);
    }

    /** SQL for {@link #seesInFull} over the contact row {@code alias}. */
    public SqlFragment seenInFull(Actor actor, String alias) {
        return actor.maskContactDetails()
                ? SqlFragment.of(alias + ".owner_id = ?", actor.memberId())
                : SqlFragment.of("TRUE");
    }

    /**
     * May {@code actor} find the contact row {@code alias} by a fragment of its mobile or e-mail
     * (a complete number or address finds any contact one sees)? Those who see the details in full,
     * and holders of {@code contact.reveal}, who may see them in full on request anyway. For the
     * others a fragment finds nothing, or typing digits one by one would reveal a masked number.
     */
    public SqlFragment findableByFragment(Actor actor, String alias) {
        return actor.can(ContactPermissions.REVEAL) ? SqlFragment.of("TRUE") : seenInFull(actor, alias);
    }

    /**
     * May {@code actor} ask for the full details of a contact they see? Those who see them anyway,
     * and holders of {@code contact.reveal}; each reveal is audited.
     */
    public boolean mayReveal(Actor actor, UUID ownerId) {
        return seesInFull(actor, ownerId) || actor.can(ContactPermissions.REVEAL);
    }

    /**
     * Why {@code actor} sees the contact row {@code alias}, as SQL giving the first that applies of
     * {@code owner}, {@code collaborator}, {@code shared-member}, {@code shared-department},
     * {@code scope-all}, {@code scope-department}.
     */
    public SqlFragment reason(Actor actor, String alias) {
        Row row = new Row(alias, alias + ".id");
        SqlFragment owner = SqlFragment.of(alias + ".owner_id = ?", actor.memberId());
        return new SqlFragment("CASE WHEN " + owner.sql() + " THEN 'owner'", owner.params())
                .append(" WHEN ", collaborator(actor, row), " THEN 'collaborator'")
                .append(" WHEN ", sharedToMember(actor, row), " THEN 'shared-member'")
                .append(" WHEN ", sharedToDepartment(actor, row), " THEN 'shared-department'")
                .append(
                        " WHEN ",
                        actor.dataScope() == DataScope.ALL ? SqlFragment.of("TRUE") : SqlFragment.of("FALSE"),
                        " THEN 'scope-all'")
                .append(" WHEN ", inScope(actor, row), " THEN 'scope-department' END");
    }

    /**
     * A contact row: its alias (for {@code org_id} and {@code owner_id}) and its id column. The
     * conditions below compare with arrays that the database fills once per query, rather than
     * subqueries run once per row; they are index conditions too, so that an OR of them can
     * combine indexes, and the planner estimates them as the short lists they usually are.
     */
    private record Row(String alias, String id) {}

    /**
     * The reasons to see a contact that can apply to {@code actor}, as conditions over {@code row}
     * (without the organization filter), each with its kind.
     */
    private static List<VisiblePart> reasonsToSee(Actor actor, Row row) {
        if (actor.dataScope() == DataScope.ALL) {
            return List.of(new VisiblePart(SqlFragment.of("TRUE"), false));
        }
        List<VisiblePart> reasons = new ArrayList<>();
        reasons.add(new VisiblePart(SqlFragment.of(row.alias() + ".owner_id = ?", actor.memberId()), false));
        reasons.add(new VisiblePart(collaborator(actor, row), true));
        reasons.add(new VisiblePart(sharedToMember(actor, row), true));
        if (!actor.departmentIds().isEmpty()) {
            reasons.add(new VisiblePart(sharedToDepartment(actor, row), true));
        }
        if (actor.dataScope() != DataScope.SELF && !actor.scopeDepartmentIds().isEmpty()) {
            reasons.add(new VisiblePart(inScope(actor, row), false));
        }
        return reasons;
    }

    private static SqlFragment scoped(Actor actor, Permission permission, Row row) {
        return actor.can(permission) ? inScope(actor, row) : SqlFragment.of("FALSE");
    }

    /** The contact is followed by a member the actor's data scope covers. */
    private static SqlFragment inScope(Actor actor, Row row) {
        return inScope(actor, row.alias() + ".owner_id");
    }

    /** The member in {@code memberColumn} is one the actor's data scope covers. */
    private static SqlFragment inScope(Actor actor, String memberColumn) {
        return switch (actor.dataScope()) {
            case ALL -> SqlFragment.of("TRUE");
            case SELF -> SqlFragment.of("FALSE");
            case DEPT, DEPT_TREE, CUSTOM ->
                actor.scopeDepartmentIds().isEmpty()
                        ? SqlFragment.of("FALSE")
                        : SqlFragment.of(
                                memberColumn + " = ANY (ARRAY(SELECT md.member_id FROM member_department md"
                                        + " WHERE md.org_id = ? AND md.department_id = ANY (?)))",
                                actor.orgId(),
                                actor.scopeDepartmentIds().toArray(UUID[]::new));
        };
    }

    private static SqlFragment collaborator(Actor actor, Row row) {
        return SqlFragment.of(
                row.id() + " = ANY (ARRAY(SELECT k.contact_id FROM contact_collaborator k"
                        + " WHERE k.org_id = ? AND k.member_id = ?))",
                actor.orgId(),
                actor.memberId());
    }

    private static SqlFragment sharedToMember(Actor actor, Row row) {
        return SqlFragment.of(
                row.id() + " = ANY (ARRAY(SELECT s.contact_id FROM contact_share_member s"
                        + " WHERE s.org_id = ? AND s.member_id = ?))",
                actor.orgId(),
                actor.memberId());
    }

    private static SqlFragment sharedToDepartment(Actor actor, Row row) {
        return actor.departmentIds().isEmpty()
                ? SqlFragment.of("FALSE")
                : SqlFragment.of(
                        row.id() + " = ANY (ARRAY(SELECT d.contact_id FROM contact_share_department d"
                                + " WHERE d.org_id = ? AND d.department_id = ANY (?)))",
                        actor.orgId(),
                        actor.departmentIds().toArray(UUID[]::new));
    }
}
