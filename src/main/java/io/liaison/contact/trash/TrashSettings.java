package io.liaison.contact.trash;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long deleted contacts stay restorable before they are purged for good ({@code
 * liaison.contact.trash.retention}, {@code LIAISON_TRASH_RETENTION}), and how long the purge waits
 * after one run before the next ({@code purge-interval}, {@code LIAISON_TRASH_PURGE_INTERVAL}).
 */
@ConfigurationProperties("liaison.contact.trash")
public record TrashSettings(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {

    public TrashSettings {
        if (purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException(
                    "LIAISON_TRASH_PURGE_INTERVAL must be longer than zero, not " + purgeInterval);
        }
    }
}
