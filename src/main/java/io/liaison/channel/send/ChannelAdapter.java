package io.liaison.channel.send;

import io.liaison.channel.ChannelKind;
import io.liaison.channel.OutboundMessage;
import java.util.List;

/** One platform: how a message is cut to its limits, how fast a target may be sent to, and sending. */
public interface ChannelAdapter {

    ChannelKind kind();

    /** The platform's documented limits per target (per robot, per webhook URL); all must hold. */
    List<RateLimit> rateLimits();

    /**
     * The messages to send in order for one message: itself when it fits, else parts cut on
     * character boundaries (never inside a character), each fitting the platform's limits.
     *
     * @throws MessageRefused when it cannot be sent at all (for instance a title over the limit)
     */
    List<OutboundMessage> split(OutboundMessage message);

    /**
     * Sends one part to one target and classifies the platform's answer. Never throws for what the
     * network or the platform does: a timeout, a 5xx or a 429 is {@link SendResult.Outcome#RETRY}, a
     * 4xx or a refusal in the body ({@code errcode} ≠ 0) is {@link SendResult.Outcome#FAILED}.
     */
    SendResult send(Target target, OutboundMessage message);
}
