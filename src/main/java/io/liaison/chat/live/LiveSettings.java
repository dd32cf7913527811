package io.liaison.chat.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The chat socket's limits ({@code liaison.chat.live.*}): a ping every {@code heartbeat}; a client
 * frame of at most {@code maxFrameSize}, at most {@code framesPerSecond} of them; at most {@code
 * socketsPerCaller} sockets of one member or guest on a node; a socket follows at most {@code
 * maxConversations} conversations (its caller's latest) and a {@code resume} names at most as many;
 * a resume replays at most {@code resumeMessages} messages of a conversation (beyond, the client
 * reloads it). A client that does not take what is sent within {@code sendTimeLimit}, or lets more
 * than {@code sendBufferSize} wait, is closed and resumes later. Every {@code sessionCheck}, a socket whose
 * browser session ended (a logout, an expiry) is closed, and the others keep their sessions from expiring.
 */
@ConfigurationProperties("liaison.chat.live")
public record LiveSettings(
        @DefaultValue("25s") Duration heartbeat,
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("20") int framesPerSecond,
        @DefaultValue("10") int socketsPerCaller,
        @DefaultValue("1000") int maxConversations,
        @DefaultValue("200") int resumeMessages,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("1MB") DataSize sendBufferSize,
        @DefaultValue("60s") Duration sessionCheck) {

    public LiveSettings {
        if (heartbeat.toSeconds() < 1 || sessionCheck.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "liaison.chat.live.heartbeat and session-check must be a second or more, not " + heartbeat + " and "
                            + sessionCheck);
        }
        if (framesPerSecond < 1 || socketsPerCaller < 1 || maxConversations < 1 || resumeMessages < 1) {
            throw new IllegalArgumentException(
                    "liaison.chat.live frames-per-second, sockets-per-caller, max-conversations and resume-messages"
                            + " must be 1 or more");
        }
    }
}
