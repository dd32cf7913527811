package io.liaison.channel;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where one delivery goes: a configured channel of the organization or of a member (a robot, a
 * webhook), or an e-mail address reached through the server's SMTP settings.
 */
public record Destination(
        @Nullable UUID channelId, @Nullable String emailAddress) {

    public Destination {
        if ((channelId == null) == (emailAddress == null)) {
            throw new IllegalArgumentException("A destination is a channel or an e-mail address");
        }
    }

    public static Destination channel(UUID channelId) {
        return new Destination(channelId, null);
    }

    public static Destination email(String address) {
        return new Destination(null, address);
    }
}
