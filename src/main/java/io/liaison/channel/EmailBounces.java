package io.liaison.channel;

import io.liaison.shared.SqlFragment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The e-mail addresses whose mail the recipient's server refused for good, as one SELECT another
 * module wraps in its own statement (as the review's check of invalid addresses does): deliveries to
 * an address over SMTP that ended {@code failed} with a permanent (5xx) reply about the address or
 * mailbox, since {@code since}, and not followed by a delivery to the same address that was sent. A
 * refused login (530, 534, 535) or a policy refusal (enhanced status 5.7.x) is the server's
 * configuration, not the address, and does not count; nor does a delivery that gave up after
 * transient failures.
 *
 * <p>Columns: {@code address text} (lower case, each once), {@code bounced_at timestamptz} (the
 * latest such failure), {@code reply text} (the server's reply to it).
 */
@Component
public class EmailBounces {

    /** The bounced addresses of the organization since {@code since}. */
    public SqlFragment select(UUID orgId, Instant since) {
        return SqlFragment.of("""
                SELECT DISTINCT ON (lower(d.email_address)) lower(d.email_address) AS address,
                       d.ended_at AS bounced_at, left(d.answer, 200) AS reply
                  FROM delivery d
                 WHERE d.org_id = ? AND d.email_address IS NOT NULL AND d.state = 'failed' AND d.ended_at >= ?
                   AND d.answer ~ '^5[0-9][0-9]([ -]|$)' AND left(d.answer, 3) NOT IN ('530', '534', '535')
                   AND d.answer !~ '^5[0-9][0-9][ -]5\\.7\\.'
                   AND NOT EXISTS (SELECT 1 FROM delivery s
                                    WHERE s.org_id = d.org_id AND s.email_address = d.email_address
                                      AND s.state = 'sent' AND s.ended_at > d.ended_at)
                 ORDER BY lower(d.email_address), d.ended_at DESC
                """, orgId, Timestamp.from(since));
    }
}
