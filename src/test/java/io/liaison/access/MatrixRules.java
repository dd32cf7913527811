package io.liaison.access;

import static io.liaison.access.MatrixRules.Relation.COLLABORATOR;
import static io.liaison.access.MatrixRules.Relation.DEPARTMENT_SHARE;
import static io.liaison.access.MatrixRules.Relation.OTHER_ORG;
import static io.liaison.access.MatrixRules.Relation.OWNER;
import static io.liaison.access.MatrixRules.Relation.READ_SHARE;
import static io.liaison.access.MatrixRules.Relation.SAME_DEPARTMENT;
import static io.liaison.access.MatrixRules.Relation.SAME_ORG;
import static io.liaison.access.MatrixRules.Relation.SELF;
import static io.liaison.access.MatrixRules.Relation.SUB_DEPARTMENT;
import static io.liaison.access.MatrixRules.Relation.UNRELATED;
import static io.liaison.access.MatrixRules.Role.ADMIN;
import static io.liaison.access.MatrixRules.Role.MANAGER;
import static io.liaison.access.MatrixRules.Role.MEMBER;
import static io.liaison.access.MatrixRules.Role.READ_ONLY;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules the authorization matrix expects, written from issue 4's access rules and never from
 * the application's answers: the four roles, the relations of an actor to a record, and what status
 * each kind of endpoint should answer for them.
 */
final class MatrixRules {

    private MatrixRules() {}

    enum Role {
        ADMIN,
        MANAGER,
        MEMBER,
        READ_ONLY
    }

    enum Relation {
        OWNER("owner"),
        COLLABORATOR("collaborator"),
        READ_SHARE("read-share"),
        DEPARTMENT_SHARE("department-share"),
        SAME_DEPARTMENT("same-department"),
        SUB_DEPARTMENT("sub-department"),
        UNRELATED("unrelated"),
        OTHER_ORG("other-organization"),
        SAME_ORG("same-organization"),
        SELF("self");

        final String label;

        Relation(String label) {
            this.label = label;
        }
    }

    static final List<Relation> CONTACT = List.of(
            OWNER, COLLABORATOR, READ_SHARE, DEPARTMENT_SHARE, SAME_DEPARTMENT, SUB_DEPARTMENT, UNRELATED, OTHER_ORG);
    /** For creating a contact: whom the body names as its owner. */
    static final List<Relation> NEW_OWNER = List.of(OWNER, SAME_DEPARTMENT, SUB_DEPARTMENT, UNRELATED, OTHER_ORG);

    static final List<Relation> ORG = List.of(SAME_ORG);
    static final List<Relation> BY_ID = List.of(SAME_ORG, OTHER_ORG);
    static final List<Relation> PERSONAL = List.of(SELF, SAME_ORG, OTHER_ORG);
    /** For a channel: one's own personal robot, the organization's, another member's robot, another organization's. */
    static final List<Relation> CHANNEL = List.of(SELF, SAME_ORG, UNRELATED, OTHER_ORG);

    /**
     * For a conversation: the actor owns it (OWNER), is a plain member of it (COLLABORATOR), is not
     * in it (UNRELATED), or it is another organization's.
     */
    /** A task made by the actor, by a member of their department, of a sub-department, of HQ, or of another organization. */
    static final List<Relation> TASK = List.of(SELF, SAME_DEPARTMENT, SUB_DEPARTMENT, UNRELATED, OTHER_ORG);

    static final List<Relation> CONVERSATION = List.of(OWNER, COLLABORATOR, UNRELATED, OTHER_ORG);

    /** The permissions of the four roles, as issue 4 defines them. */
    static final Map<Role, Set<String>> PERMISSIONS = Map.of(
            ADMIN,
            Set.of(
                    "contact.create",
                    "contact.edit",
                    "contact.delete",
                    "contact.export",
                    "contact.reveal",
                    "contact.assign",
                    "tag.manage",
                    "field.manage",
                    "member.manage",
                    "role.manage",
                    "audit.read",
                    "channel.manage",
                    "push.send",
                    "push.approve",
                    "task.manage",
                    "integration.manage",
                    "contact.purge",
                    "review.campaign",
                    "review.handover",
                    "analytics.rebuild"),
            MANAGER,
            Set.of(
                    "contact.create",
                    "contact.edit",
                    "contact.delete",
                    "contact.export",
                    "contact.reveal",
                    "contact.assign",
                    "push.send",
                    "task.manage",
                    "review.campaign"),
            MEMBER,
            Set.of("contact.create", "contact.edit", "contact.delete"),
            READ_ONLY,
            Set.of());

    static final Map<Role, String> SCOPE =
            Map.of(ADMIN, "ALL", MANAGER, "DEPT_TREE", MEMBER, "SELF", READ_ONLY, "DEPT_TREE");

    static boolean has(Role role, String permission) {
        return PERMISSIONS.get(role).contains(permission);
    }

    /** Does the data scope of an actor sitting in Sales cover the owner of a contact so related? */
    static boolean covers(String scope, Relation relation) {
        return switch (scope) {
            case "ALL" -> relation != OTHER_ORG;
            case "DEPT_TREE" -> relation == SAME_DEPARTMENT || relation == SUB_DEPARTMENT;
            case "DEPT" -> relation == SAME_DEPARTMENT;
            default -> false;
        };
    }

    /**
     * The contact rules: the owner may do everything; collaborators see and edit; read shares see; the
     * data scope gives seeing, and editing or sharing with contact.edit, deleting with contact.delete,
     * handing over with contact.assign. Nothing crosses organizations.
     */
    static boolean may(Role role, Relation relation, ContactAction action) {
        if (relation == OTHER_ORG) {
            return false;
        }
        if (relation == OWNER) {
            return true;
        }
        boolean byRelation = switch (action) {
            case SEE -> relation == COLLABORATOR || relation == READ_SHARE || relation == DEPARTMENT_SHARE;
            case EDIT -> relation == COLLABORATOR;
            default -> false;
        };
        boolean inScope = covers(SCOPE.get(role), relation);
        boolean byScope = inScope
                && switch (action) {
                    case SEE -> true;
                    case EDIT, SHARE -> has(role, "contact.edit");
                    case DELETE -> has(role, "contact.delete");
                    case ASSIGN -> has(role, "contact.assign");
                };
        return byRelation || byScope;
    }

    /** The status an endpoint should answer, from the role, the relation and its success status. */
    interface Expect {
        int status(Role role, Relation relation, int success);
    }

    /** Not visible → 404; visible but one of {@code needs} not allowed → 403. */
    static Expect contact(ContactAction... needs) {
        return (role, relation, success) -> !may(role, relation, ContactAction.SEE)
                ? 404
                : Arrays.stream(needs).allMatch(a -> may(role, relation, a)) ? success : 403;
    }

    /** Reveal: whoever sees the contact, if they follow it or hold contact.reveal (masking is on). */
    static Expect reveal() {
        return (role, relation, success) -> !may(role, relation, ContactAction.SEE)
                ? 404
                : relation == OWNER || has(role, "contact.reveal") ? success : 403;
    }

    /** Changing a follow-up is for its author; the matrix's follow-ups are written by the contact's owner. */
    static Expect followUpAuthor() {
        return (role, relation, success) ->
                !may(role, relation, ContactAction.SEE) ? 404 : relation == OWNER ? success : 403;
    }

    /**
     * Creating needs contact.create, for another owner contact.assign as well; an owner from another
     * organization is a reference to something that does not exist: 400 naming ownerId.
     */
    static Expect createContact() {
        return (role, relation, success) -> !has(role, "contact.create")
                ? 403
                : relation == OWNER
                        ? success
                        : !has(role, "contact.assign") ? 403 : relation == OTHER_ORG ? 400 : success;
    }

    /** Everyone in the organization; another organization's id → 404. */
    static Expect anyone() {
        return (role, relation, success) -> relation == OTHER_ORG ? 404 : success;
    }

    /**
     * Needs {@code permission}, which does not depend on the record and is checked first (403 whatever
     * the id, which reveals nothing); with it, another organization's id → 404.
     */
    static Expect permission(String permission) {
        return (role, relation, success) -> !has(role, permission) ? 403 : relation == OTHER_ORG ? 404 : success;
    }

    /**
     * Changing a member: everyone their own profile; others need member.manage and a role at least as
     * strong as the target's, which depends on the target, so it is looked up first (another
     * organization's member → 404). The matrix's target holds the MEMBER role.
     */
    static Expect managesMember() {
        return (role, relation, success) ->
                relation == OTHER_ORG ? 404 : relation == SELF || has(role, "member.manage") ? success : 403;
    }

    /** Personal records (tokens, import jobs): one's own → success, anyone else's → 404. */
    static Expect own() {
        return (role, relation, success) -> relation == SELF ? success : 404;
    }

    /**
     * A channel or its deliveries: one's own personal robot → success; the organization's needs
     * channel.manage (403 without); another member's robot or another organization's → 404.
     */
    static Expect channel() {
        return (role, relation, success) -> switch (relation) {
            case SELF -> success;
            case SAME_ORG -> has(role, "channel.manage") ? success : 403;
            default -> 404;
        };
    }

    /**
     * Another member's push (the administrator's): seen, cancelled and its recipients listed by those
     * who approve pushes; anyone else, and anyone of another organization, 404.
     */
    /**
     * A task: its maker sees it; with {@code task.manage}, those whose data scope covers its maker;
     * anyone else, and anyone of another organization, 404.
     */
    static Expect task() {
        return (role, relation, success) -> relation == SELF
                        || (relation != OTHER_ORG && has(role, "task.manage") && covers(SCOPE.get(role), relation))
                ? success
                : 404;
    }

    /**
     * Needs {@code permission} on a record that is looked up first: another organization's id → 404
     * whatever the role; within the organization, 403 without the permission.
     */
    static Expect foundThen(String permission) {
        return (role, relation, success) -> relation == OTHER_ORG ? 404 : has(role, permission) ? success : 403;
    }

    static Expect pushApprover() {
        return (role, relation, success) -> relation == SAME_ORG && has(role, "push.approve") ? success : 404;
    }

    /** The organization's settings: the ADMIN role only. */
    static Expect adminRole() {
        return (role, relation, success) -> role == ADMIN ? success : 403;
    }

    /** Creating organizations: the system administrator only, which none of the four roles is. */
    static Expect systemAdministrator() {
        return (role, relation, success) -> 403;
    }

    /** A conversation's participants only: anyone else, in the organization or not, gets 404. */
    static Expect participant() {
        return (role, relation, success) -> relation == OWNER || relation == COLLABORATOR ? success : 404;
    }

    /** A change of a group: its owner; a plain participant 403; anyone not in it 404. */
    static Expect conversationManager() {
        return (role, relation, success) -> relation == OWNER ? success : relation == COLLABORATOR ? 403 : 404;
    }

    /** A message's author (the group's owner wrote the matrix's message): a participant who is not 403. */
    static Expect author() {
        return conversationManager();
    }

    /**
     * Revoking an invitation: the group's owner and admins, or whoever invited (the matrix's invitation
     * is the owner's); a participant who did not invite 403; anyone not in the group 404.
     */
    static Expect invitationRevoker() {
        return conversationManager();
    }

    /** Leaving: a participant leaves; the owner must hand the group over first (409). */
    static Expect leaves() {
        return (role, relation, success) -> relation == COLLABORATOR ? success : relation == OWNER ? 409 : 404;
    }

    // sync by external id (issue 22, part sync)

    /**
     * A PUT by external id: a contact the actor sees is changed if they may edit it (403 otherwise);
     * one they may not see refuses the call as creating a contact with a taken id does (409), once
     * contact.create allows creating at all; another organization's contact is not theirs, so the
     * call creates one in the actor's organization (201).
     */
    static Expect upsert() {
        return (role, relation, success) -> relation == OTHER_ORG
                ? has(role, "contact.create") ? 201 : 403
                : !may(role, relation, ContactAction.SEE)
                        ? has(role, "contact.create") ? 409 : 403
                        : may(role, relation, ContactAction.EDIT) ? success : 403;
    }

    // campaigns (issue 23, part campaigns)

    /** Closing a campaign: its starter (the matrix's campaigns are the administrator's) or an administrator. */
    static Expect administrator() {
        return (role, relation, success) -> relation == OTHER_ORG ? 404 : role == ADMIN ? success : 403;
    }

    // the trash purged now (issue 23, part handover)
    /** Purging from the trash: contact.purge first (403 whatever the contact), then the contact must be seen (404). */
    static Expect purge() {
        return (role, relation, success) ->
                !has(role, "contact.purge") ? 403 : !may(role, relation, ContactAction.SEE) ? 404 : success;
    }

    // analytics (issue 24, part reports)
    /** A member's figures: one's own, and those of the members one's data scope covers; else 404. */
    static Expect figures() {
        return (role, relation, success) ->
                relation == SELF || (relation != OTHER_ORG && covers(SCOPE.get(role), relation)) ? success : 404;
    }
}
