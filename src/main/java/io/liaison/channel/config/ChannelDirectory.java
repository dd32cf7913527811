package io.liaison.channel.config;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.ChannelSummary;
import io.liaison.channel.Channels;
import io.liaison.channel.send.Adapters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Channel configurations as other modules read them: never an address or a secret. */
@Service
class ChannelDirectory implements Channels {

    private final ChannelRepository channels;
    private final Adapters adapters;

    ChannelDirectory(ChannelRepository channels, Adapters adapters) {
        this.channels = channels;
        this.adapters = adapters;
    }

    @Override
    public boolean emailConfigured() {
        return adapters.of(ChannelKind.EMAIL).isPresent();
    }

    @Override
    public List<ChannelSummary> shared(UUID orgId) {
        return channels.owned(orgId, null).stream().map(ChannelRow::summary).toList();
    }

    @Override
    public List<ChannelSummary> personal(UUID orgId, UUID memberId) {
        return channels.owned(orgId, memberId).stream().map(ChannelRow::summary).toList();
    }

    /** A channel not deleted and not a module's (a module's is no choice for pushes or notifications). */
    @Override
    public Optional<ChannelSummary> find(UUID orgId, UUID channelId) {
        return channels.find(orgId, channelId)
                .filter(c -> c.deletedAt() == null && c.ownerModule() == null)
                .map(ChannelRow::summary);
    }
}
