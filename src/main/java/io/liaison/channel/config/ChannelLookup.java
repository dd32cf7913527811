package io.liaison.channel.config;

import io.liaison.channel.ChannelFailing;
import io.liaison.channel.send.Target;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A channel's stored row for the delivery parts of the module, deleted ones included. */
@Service
public class ChannelLookup {

    private final ChannelRepository channels;
    private final SecretBox secrets;

    ChannelLookup(ChannelRepository channels, SecretBox secrets) {
        this.channels = channels;
        this.secrets = secrets;
    }

    public Optional<ChannelRow> find(UUID orgId, UUID channelId) {
        return channels.find(orgId, channelId);
    }

    /** Where one delivery to the channel goes, its secrets decrypted for this send only. */
    public Target target(ChannelRow channel, UUID deliveryId, String messageId) {
        return new Targets(secrets).of(channel, deliveryId, messageId);
    }

    /** Targets with their secrets decrypted. */
    record Targets(SecretBox secrets) {

        Target of(ChannelRow channel, UUID deliveryId, String messageId) {
            return new Target(
                    deliveryId,
                    messageId,
                    channel.address(),
                    channel.secret() == null ? null : secrets.decrypt(channel.secret()),
                    channel.previousSecret() == null ? null : secrets.decrypt(channel.previousSecret()),
                    channel.previousUntil());
        }
    }

    /** Ends the channel's failing spell after a delivery got through. */
    public void succeeded(UUID orgId, UUID channelId) {
        channels.succeeded(orgId, channelId);
    }

    /** Counts a failed attempt; the event when it starts a failing spell. */
    public Optional<ChannelFailing> failed(UUID orgId, UUID channelId, int threshold, String reason) {
        return channels.failed(orgId, channelId, threshold)
                .map(c -> new ChannelFailing(orgId, c.id(), c.name(), c.ownerId(), c.failures(), reason));
    }
}
