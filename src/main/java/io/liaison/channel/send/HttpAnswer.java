package io.liaison.channel.send;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A platform's HTTP answer, its body cut to what the delivery log keeps. */
public record HttpAnswer(int status, String body, @Nullable Duration retryAfter) {

    /** The answer as the delivery log shows it. */
    public String describe() {
        return status + " " + body;
    }
}
