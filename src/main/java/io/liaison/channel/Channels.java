package io.liaison.channel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads channel configurations for other modules; implemented by {@code channel}. */
public interface Channels {

    /** Whether the server has SMTP settings, so that e-mail can be offered at all. */
    boolean emailConfigured();

    /** The organization's shared channels (owner {@code null}), by name. */
    List<ChannelSummary> shared(UUID orgId);

    /** A member's own robots (their personal DingTalk / WeCom / Feishu robot), by name. */
    List<ChannelSummary> personal(UUID orgId, UUID memberId);

    Optional<ChannelSummary> find(UUID orgId, UUID channelId);
}
