package io.liaison.push.core;

import io.liaison.shared.LiaisonException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A push with its recipients counted by state (every state present, zero when none), as the API and the
 * pages show it: how many have reached their end (sent, delivered, failed or skipped) of how many there
 * are.
 */
public record PushProgress(Push push, Map<String, Integer> counts) {

    /** The recipient states in the order they are shown. */
    public static final List<String> STATES = List.of("queued", "sending", "sent", "delivered", "failed", "skipped");

    /** {@code state} when it is one of {@link #STATES}, null when blank; any other is a 400. */
    static @Nullable String chosen(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        if (!STATES.contains(state)) {
            throw LiaisonException.invalid("state", "invalid.one-of", String.join(", ", STATES));
        }
        return state;
    }

    private static final List<String> ENDED = List.of("sent", "delivered", "failed", "skipped");

    public int count(String state) {
        return counts.getOrDefault(state, 0);
    }

    /** The states that have recipients, in {@link #STATES}' order. */
    public List<String> shownStates() {
        return STATES.stream().filter(s -> count(s) > 0).toList();
    }

    public int ended() {
        return ENDED.stream().mapToInt(this::count).sum();
    }

    /** Every recipient written, or the audience counted when the push was made while none is yet. */
    public int total() {
        int written = counts.values().stream().mapToInt(Integer::intValue).sum();
        return written > 0 ? written : push.audienceSize();
    }

    public int percent() {
        int total = total();
        return total == 0 ? (push.open() ? 0 : 100) : (int) Math.floor(100.0 * ended() / total);
    }

    /**
     * Whether its counts still move on their own: it is due or sending, or (done or cancelled) some of
     * its recipients are still in the delivery queue, where they end after the push has.
     */
    /**
     * Whether a cancel still stops something: the push has not finished, or it has but some of its
     * messages still wait in the delivery queue (for the quiet hours to end, say).
     */
    public boolean cancellable() {
        return push.open() || (push.state().equals(Push.DONE) && count("sending") > 0);
    }

    public boolean live() {
        return push.state().equals(Push.SCHEDULED)
                || push.state().equals(Push.SENDING)
                || count("queued") + count("sending") > 0;
    }
}
