package io.liaison.task.cadence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How due contacts are brought up ({@code liaison.task.cadence.*}): every {@code interval} each
 * organization with cadences is looked at; one look raises at most {@code batch} contacts of one
 * organization in one transaction, and an organization with more waits {@code pause} before its next
 * batch, so that a large backlog neither holds a long transaction nor keeps the others waiting.
 */
@ConfigurationProperties("liaison.task.cadence")
record CadenceSettings(
        @DefaultValue("15m") Duration interval,
        @DefaultValue("500") int batch,
        @DefaultValue("1m") Duration pause) {

    CadenceSettings {
        if (interval.isNegative() || interval.isZero() || pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("liaison.task.cadence.interval and pause must be longer than zero");
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("liaison.task.cadence.batch must be between 1 and 10000, not " + batch);
        }
    }
}
