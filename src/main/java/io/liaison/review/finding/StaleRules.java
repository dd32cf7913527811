package io.liaison.review.finding;

import io.liaison.contact.ContactSetup;
import io.liaison.contact.SetupPermissions;
import io.liaison.identity.Actor;
import io.liaison.shared.LiaisonException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many days without recorded contact make a contact with a tag stale: one rule per tag, set by
 * whoever manages tags and seen by every member; a contact with several takes the shortest.
 */
@Component
public class StaleRules {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 3650;

    private final JdbcClient jdbc;
    private final ContactSetup setup;

    StaleRules(JdbcClient jdbc, ContactSetup setup) {
        this.jdbc = jdbc;
        this.setup = setup;
    }

    /** A tag's rule, with the tag's name. */
    public record StaleRule(UUID tagId, String tagName, int days) {}

    /** The organization's rules by tag name (one per tag, so as many as it has tags at most). */
    @Transactional(readOnly = true)
    public List<StaleRule> list(Actor actor) {
        return jdbc.sql("""
                        SELECT r.tag_id, t.name AS tag_name, r.days FROM review_stale_rule r
                          JOIN tag t ON t.org_id = r.org_id AND t.id = r.tag_id
                         WHERE r.org_id = ? ORDER BY lower(t.name), r.tag_id
                        """).param(actor.orgId()).query(StaleRule.class).list();
    }

    /** Sets the tag's rule to {@code days}, or removes it when null (needs {@code tag.manage}). */
    @Transactional
    public void set(Actor actor, UUID tagId, @Nullable Integer days) {
        if (!actor.can(SetupPermissions.TAG_MANAGE)) {
            throw LiaisonException.forbidden("forbidden.manage-tags");
        }
        setup.tag(actor, tagId);
        if (days == null) {
            jdbc.sql("DELETE FROM review_stale_rule WHERE org_id = ? AND tag_id = ?")
                    .params(actor.orgId(), tagId)
                    .update();
            return;
        }
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw LiaisonException.invalid("days", "invalid.between", MIN_DAYS, MAX_DAYS);
        }
        jdbc.sql("""
                        INSERT INTO review_stale_rule (org_id, tag_id, days) VALUES (?, ?, ?)
                        ON CONFLICT (org_id, tag_id) DO UPDATE SET days = excluded.days
                        """).params(actor.orgId(), tagId, days).update();
    }
}
