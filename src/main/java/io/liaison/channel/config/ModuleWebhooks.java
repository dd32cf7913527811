package io.liaison.channel.config;

import io.liaison.channel.ChannelHealth;
import io.liaison.channel.ChannelKind;
import io.liaison.channel.WebhookChannels;
import io.liaison.shared.LiaisonException;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook channels modules own, checked as the channel pages check theirs (name, URL, {@code
 * whsec_} secret) and hidden from those pages, the channel API, and push and notification choices.
 */
@Service
class ModuleWebhooks implements WebhookChannels {

    static final int MAX_MODULE = 40;

    private final ChannelService service;
    private final ChannelRepository channels;
    private final SecretBox secrets;

    ModuleWebhooks(ChannelService service, ChannelRepository channels, SecretBox secrets) {
        this.service = service;
        this.channels = channels;
        this.secrets = secrets;
    }

    @Override
    @Transactional
    public UUID create(UUID orgId, String module, String name, String url, String secret) {
        if (module.isEmpty() || module.length() > MAX_MODULE) {
            throw new IllegalArgumentException("A module's name has 1 to " + MAX_MODULE + " characters");
        }
        NewChannel channel = new NewChannel(
                null,
                ChannelService.name(name),
                ChannelKind.WEBHOOK,
                ChannelService.address(ChannelKind.WEBHOOK, url),
                ChannelService.secret(ChannelKind.WEBHOOK, secret),
                true);
        return service.create(orgId, channel, module).id();
    }

    @Override
    @Transactional
    public void update(UUID orgId, UUID channelId, String name, String url, boolean enabled) {
        ChannelRow current = find(orgId, channelId);
        ChannelRow changed = new ChannelRow(
                channelId,
                null,
                ChannelService.name(name),
                ChannelKind.WEBHOOK,
                ChannelService.address(ChannelKind.WEBHOOK, url),
                current.secret(),
                enabled,
                current.failures(),
                current.failingSince(),
                current.createdAt(),
                current.updatedAt(),
                null,
                current.version(),
                current.ownerModule(),
                current.previousSecret(),
                current.previousUntil());
        if (!channels.update(orgId, changed, current.version())) {
            throw LiaisonException.stale(
                    current.version(), find(orgId, channelId).version());
        }
    }

    @Override
    @Transactional
    public void rotate(UUID orgId, UUID channelId, String newSecret, Instant previousUntil) {
        ChannelRow current = find(orgId, channelId);
        String secret = ChannelService.secret(ChannelKind.WEBHOOK, newSecret);
        channels.rotate(orgId, channelId, secrets.encrypt(secret), current.secret(), previousUntil);
    }

    @Override
    @Transactional
    public void delete(UUID orgId, UUID channelId) {
        ChannelRow current = find(orgId, channelId);
        if (!channels.delete(orgId, channelId, current.version())) {
            throw LiaisonException.stale(
                    current.version(), find(orgId, channelId).version());
        }
    }

    @Override
    @Transactional(readOnly = true)
    public ChannelHealth health(UUID orgId, UUID channelId) {
        find(orgId, channelId);
        return channels.health(orgId, channelId);
    }

    private ChannelRow find(UUID orgId, UUID channelId) {
        return channels.module(orgId, channelId).orElseThrow(() -> LiaisonException.notFound("channel", channelId));
    }
}
