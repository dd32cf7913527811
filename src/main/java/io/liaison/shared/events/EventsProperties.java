package io.liaison.shared.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's upkeep ({@code liaison.events.*}; environment {@code LIAISON_EVENTS_REDELIVER_AFTER},
 * {@code LIAISON_EVENTS_KEEP_COMPLETED}).
 *
 * @param redelivery when a reaction that no node finished is delivered again
 * @param keepCompleted how long a finished publication is kept before it is deleted
 */
@ConfigurationProperties("liaison.events")
record EventsProperties(
        @DefaultValue Redelivery redelivery,
        @DefaultValue("7d") Duration keepCompleted) {

    /**
     * @param after how long a publication stays unfinished before its first redelivery; each further one
     *     waits twice as long as the one before
     * @param attempts how many redeliveries a publication gets; after them it stays in the table, unfinished,
     *     for an operator (and the next start of a node) to deliver
     * @param batch how many publications one run delivers again at most
     * @param interval how often the cluster looks for them (one node at a time)
     */
    record Redelivery(
            @DefaultValue("10m") Duration after,
            @DefaultValue("10") int attempts,
            @DefaultValue("100") int batch,
            @DefaultValue("1m") Duration interval) {}
}
