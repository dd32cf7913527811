package io.liaison.channel.config;

import io.liaison.shared.Ids;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes channel configurations, their secrets encrypted before they are stored. */
@Service
public class ChannelService {

    private final ChannelRepository channels;
    private final SecretBox secrets;

    ChannelService(ChannelRepository channels, SecretBox secrets) {
        this.channels = channels;
        this.secrets = secrets;
    }

    @Transactional
    public ChannelRow create(UUID orgId, NewChannel channel) {
        UUID id = Ids.newId();
        channels.insert(orgId, id, channel, channel.secret() == null ? null : secrets.encrypt(channel.secret()));
        return channels.find(orgId, id).orElseThrow();
    }
}
