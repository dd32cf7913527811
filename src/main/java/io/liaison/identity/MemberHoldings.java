package io.liaison.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What members still hold that someone must take over before they leave (contacts they follow, groups
 * they own, open tasks), for the member list to show a deactivation as unfinished. Another module that
 * keeps such things implements it; identity only asks the beans it finds.
 */
public interface MemberHoldings {

    /** What one member still holds, and the page where it is handed over. */
    record Held(int contacts, int conversations, int tasks, String link) {

        public boolean any() {
            return contacts > 0 || conversations > 0 || tasks > 0;
        }
    }

    /**
     * Of {@code memberIds} (at most {@link ActiveMembers#MAX}), those that still hold something the
     * actor may hand over, by id; nothing when the actor may not hand anything over.
     */
    Map<UUID, Held> held(Actor actor, Collection<UUID> memberIds);
}
