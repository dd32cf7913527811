package io.liaison.channel.config;

import io.liaison.channel.ChannelKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A channel to create, its secret in clear until it is stored. */
public record NewChannel(
        @Nullable UUID ownerId,
        String name,
        ChannelKind kind,
        String address,
        @Nullable String secret,
        boolean enabled) {

    @Override
    public String toString() {
        return "NewChannel[" + name + ", " + kind + "]";
    }
}
