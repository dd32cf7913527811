package io.liaison.channel.send;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The module's settings ({@code liaison.channel.*}).
 *
 * @param secretKey the key channel secrets are encrypted with ({@code LIAISON_SECRET_KEY}, at least
 *     16 characters); when unset, one is generated into the data directory
 * @param outboundAllowedHosts hosts or CIDR ranges that channels may reach although they are loopback,
 *     private or link-local ({@code LIAISON_OUTBOUND_ALLOWED_HOSTS})
 * @param workers how many deliveries one node sends at the same time
 * @param batch how many due deliveries a worker claims at once
 * @param poll how long an idle node waits before looking for due deliveries again
 * @param lease how long a delivery may stay {@code sending} before it is taken back from its node
 * @param retryFor how long after it was queued a delivery is retried
 * @param failingAfter how many deliveries in a row must fail before a channel is reported failing
 */
@ConfigurationProperties("liaison.channel")
public record ChannelSettings(
        @Nullable String secretKey,
        @DefaultValue List<String> outboundAllowedHosts,
        @DefaultValue("8") int workers,
        @DefaultValue("20") int batch,
        @DefaultValue("2s") Duration poll,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("5") int failingAfter) {

    public ChannelSettings {
        if (workers < 1 || workers > 256 || batch < 1 || batch > 1_000 || failingAfter < 1) {
            throw new IllegalArgumentException("liaison.channel.workers, batch and failing-after must be positive");
        }
        if (lease.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("liaison.channel.lease must be at least 30s (a send takes up to 20s)");
        }
    }
}
