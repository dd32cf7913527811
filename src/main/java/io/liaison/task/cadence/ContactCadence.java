package io.liaison.task.cadence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The cadence that applies to one contact, for its page: its own ({@code own}, which the member may
 * change when {@code mayEdit}), else the shortest of its tags' ({@code tagDays}, from the tag {@code
 * tagName}); {@code nextTouch} is when it falls due (its last contact, or its creation, plus the
 * days), in the past when it is overdue. Without any cadence, {@code everyDays} and {@code
 * nextTouch} are null.
 */
public record ContactCadence(
        @Nullable Cadence own,
        @Nullable Integer tagDays,
        @Nullable String tagName,
        @Nullable Integer everyDays,
        @Nullable Instant nextTouch,
        boolean mayEdit) {

    public boolean overdue(Instant now) {
        return nextTouch != null && !nextTouch.isAfter(now);
    }
}
