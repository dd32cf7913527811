package io.liaison.channel.config;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A channel's stored row for the delivery parts of the module, deleted ones included. */
@Service
public class ChannelLookup {

    private final ChannelRepository channels;

    ChannelLookup(ChannelRepository channels) {
        this.channels = channels;
    }

    public Optional<ChannelRow> find(UUID orgId, UUID channelId) {
        return channels.find(orgId, channelId);
    }
}
