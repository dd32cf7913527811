package io.liaison.review.finding;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review's findings ({@code liaison.review.*}): when the nightly check runs ({@code findings-at}
 * in {@code findings-zone}, every day), after how many days without recorded contact a contact that no
 * tag rule covers is stale ({@code stale-days}), and how far back a permanently failed e-mail counts
 * as bounced ({@code bounce-window}).
 */
@ConfigurationProperties("liaison.review")
public record ReviewSettings(
        @DefaultValue("02:00") LocalTime findingsAt,
        @DefaultValue("Asia/Shanghai") ZoneId findingsZone,
        @DefaultValue("90") int staleDays,
        @DefaultValue("180d") Duration bounceWindow) {

    public ReviewSettings {
        if (staleDays < StaleRules.MIN_DAYS || staleDays > StaleRules.MAX_DAYS) {
            throw new IllegalArgumentException("liaison.review.stale-days must be between " + StaleRules.MIN_DAYS
                    + " and " + StaleRules.MAX_DAYS + ", not " + staleDays);
        }
        if (bounceWindow.isNegative() || bounceWindow.isZero()) {
            throw new IllegalArgumentException("liaison.review.bounce-window must be longer than zero");
        }
    }
}
