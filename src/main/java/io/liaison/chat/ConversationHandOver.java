package io.liaison.chat;

import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A leaving member's groups handed to another member (review's hand-over): the receiver becomes the
 * owner, joining the group first when they are not in it; the one who leaves stays an admin while
 * still in it. Direct conversations have no owner to hand over. Implemented by {@code chat}.
 */
public interface ConversationHandOver {

    /** The most groups one call hands over. */
    int MAX_BATCH = 1_000;

    /** How many groups (not dissolved) the member owns. */
    int owned(UUID orgId, UUID memberId);

    /**
     * Hands at most {@code limit} groups {@code fromId} owns to {@code toId}, in the caller's
     * transaction, each published as {@link ParticipantsChanged} by {@code actorId} (the group's
     * history); with {@code contactIds} only the groups linked to one of them. Answers how many were
     * handed over: fewer than {@code limit} when none is left.
     */
    int handOver(UUID orgId, UUID actorId, UUID fromId, UUID toId, @Nullable Collection<UUID> contactIds, int limit);
}
