package io.liaison.push.optout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public unsubscribe page's limit per client address: {@link #PER_MINUTE} requests in a minute,
 * counted in the database so that every node counts alike, one row per address and minute (a
 * guesser's tokens fail anyway; the limit keeps a flood from costing more than a row).
 */
@Component
class UnsubscribeVisits {

    static final int PER_MINUTE = 30;

    private final JdbcClient jdbc;

    UnsubscribeVisits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts a request from {@code address}; false when it is over the limit. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    boolean admit(String address) {
        int visits = jdbc.sql("""
                        INSERT INTO push_unsubscribe_visit (client_address, minute, visits)
                        VALUES (?, date_trunc('minute', now()), 1)
                        ON CONFLICT (client_address, minute)
                        DO UPDATE SET visits = push_unsubscribe_visit.visits + 1
                        RETURNING visits
                        """)
                .param(address.length() > 100 ? address.substring(0, 100) : address)
                .query(Integer.class)
                .single();
        if (visits == 1) {
            jdbc.sql("DELETE FROM push_unsubscribe_visit WHERE minute < now() - interval '1 hour'")
                    .update();
        }
        return visits <= PER_MINUTE;
    }
}
