package io.liaison.review.campaign;

import io.liaison.access.ContactAccess;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import io.liaison.shared.SqlFragment;
import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who sees which campaigns and items, as SQL. A campaign: its starter, administrators, and every
 * member who follows one of its contacts now. Its items: for the starter and administrators, those
 * of contacts they may still see; for an owner, those of the contacts they follow now. The campaign
 * row is {@code rc}, the item {@code i} and its contact {@code c}.
 */
@Component
class CampaignScope {

    private final ContactAccess access;

    CampaignScope(ContactAccess access) {
        this.access = access;
    }

    /** Does the actor manage a campaign {@code startedBy} started: its starter or an administrator? */
    boolean manages(Actor actor, UUID startedBy) {
        return actor.isAdmin() || actor.memberId().equals(startedBy);
    }

    SqlFragment campaigns(Actor actor) {
        if (actor.isAdmin()) {
            return SqlFragment.of("TRUE");
        }
        return SqlFragment.of(
                "(rc.started_by = ? OR rc.id = ANY (ARRAY(SELECT DISTINCT ri.campaign_id FROM contact rcc"
                        + " JOIN review_campaign_item ri ON ri.org_id = rcc.org_id AND ri.contact_id = rcc.id"
                        + " WHERE rcc.org_id = ? AND rcc.owner_id = ?)))",
                actor.memberId(),
                actor.orgId(),
                actor.memberId());
    }

    /** The items of a campaign {@code startedBy} started that the actor sees; {@code mine}: only their own. */
    SqlFragment items(Actor actor, UUID startedBy, boolean mine) {
        if (!manages(actor, startedBy) || mine) {
            return mine(actor);
        }
        return access.visible(actor, "c");
    }

    /** The items of contacts the actor follows now. */
    SqlFragment mine(Actor actor) {
        return SqlFragment.of("c.org_id = ? AND c.owner_id = ?", actor.orgId(), actor.memberId());
    }

    /** Items in {@code status}: pending, done, or with one action; any status when null. */
    static SqlFragment status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return SqlFragment.of("TRUE");
        }
        return switch (status) {
            case "pending" -> SqlFragment.of("i.action IS NULL");
            case "done" -> SqlFragment.of("i.action IS NOT NULL");
            case "confirm", "update", "invalid", "trash" -> SqlFragment.of("i.action = ?", status);
            default -> throw LiaisonException.invalid("status", "invalid.review-status");
        };
    }

    static SqlFragment ids(Collection<UUID> ids) {
        return SqlFragment.of("i.id = ANY (?)", (Object) ids.toArray(UUID[]::new));
    }

    /** Every item or campaign of the organization, for the work done on the campaign's own behalf. */
    static SqlFragment any() {
        return SqlFragment.of("TRUE");
    }
}
