package io.liaison.access;

import io.liaison.identity.Actor;
import io.liaison.shared.SqlFragment;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which contacts an actor may see and change, as SQL over a contact
 * table alias. Administrators see and change every contact of their organization; any other member
 * sees the contacts they follow and those shared with them or with one of their departments, and
 * changes the ones they follow. The organization filter is part of every predicate.
 */
@Component
public class ContactAccess {

    /** May {@code actor} see the contact row {@code alias}? */
    public SqlFragment visible(Actor actor, String alias) {
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        if (actor.isAdmin()) {
            return org;
        }
        return org.and(SqlFragment.of(
                alias + ".owner_id = ?"
                        + " OR EXISTS (SELECT 1 FROM contact_share_member s WHERE s.org_id = " + alias
                        + ".org_id AND s.contact_id = " + alias + ".id AND s.member_id = ?)"
                        + " OR EXISTS (SELECT 1 FROM contact_share_department d WHERE d.org_id = " + alias
                        + ".org_id AND d.contact_id = " + alias + ".id AND d.department_id = ANY (?))",
                actor.memberId(),
                actor.memberId(),
                actor.departmentIds().toArray(UUID[]::new)));
    }

    /** May {@code actor} change the contact row {@code alias}? */
    public SqlFragment changeable(Actor actor, String alias) {
        SqlFragment org = SqlFragment.of(alias + ".org_id = ?", actor.orgId());
        return actor.isAdmin() ? org : org.and(SqlFragment.of(alias + ".owner_id = ?", actor.memberId()));
    }
}
