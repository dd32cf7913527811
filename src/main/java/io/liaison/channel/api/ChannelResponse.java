package io.liaison.channel.api;

import io.liaison.channel.config.ChannelRow;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A channel as the API shows it: never its secret, and its URL without the query (where keys are). */
record ChannelResponse(
        UUID id,
        @Schema(example = "销售群机器人") String name,

        @Schema(
                example = "dingtalk",
                allowableValues = {"email", "dingtalk", "wecom", "feishu", "webhook"})
        String kind,

        @Schema(
                description = "The robot's or webhook's URL with its query replaced by ***, or the e-mail address.",
                example = "https://oapi.dingtalk.com/robot/send?***")
        String url,

        @Schema(description = "Whether a secret is stored; the secret itself is never returned.")
        boolean hasSecret,

        boolean enabled,

        @Schema(description = "Whether the server can send through it: false for e-mail while SMTP is not set up.")
        boolean configured,

        @Schema(description = "A member's personal robot: the member; null for the organization's channel.") @Nullable
        UUID ownerId,

        @Schema(description = "Since when its deliveries keep failing; null when they do not.") @Nullable
        Instant failingSince,

        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ChannelResponse of(ChannelRow c, boolean configured) {
        return new ChannelResponse(
                c.id(),
                c.name(),
                c.kind().code(),
                c.shownAddress(),
                c.hasSecret(),
                c.enabled(),
                configured,
                c.ownerId(),
                c.failingSince(),
                c.createdAt(),
                c.updatedAt(),
                c.version());
    }
}
