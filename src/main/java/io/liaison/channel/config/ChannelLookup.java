package io.liaison.channel.config;

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

    /** Where one delivery to the channel goes, its secret decrypted for this send only. */
    public Target target(ChannelRow channel, UUID deliveryId) {
        return new Target(
                deliveryId, channel.address(), channel.secret() == null ? null : secrets.decrypt(channel.secret()));
    }
}
