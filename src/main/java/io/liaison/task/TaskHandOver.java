package io.liaison.task;

import java.util.Collection;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A leaving member's open tasks handed to another member (review's hand-over): the tasks assigned to
 * them get the receiver as assignee in their place; the tasks they made stay theirs. Implemented by
 * {@code task}.
 */
public interface TaskHandOver {

    /** The most tasks one call hands over. */
    int MAX_BATCH = 1_000;

    /** How many open tasks are assigned to the member. */
    int open(UUID orgId, UUID memberId);

    /**
     * Hands at most {@code limit} open tasks assigned to {@code fromId} to {@code toId}, in the caller's
     * transaction, each recorded as a change of its assignees by {@code actorId} (the task's history and
     * audit, the receiver told as any new assignee is); with {@code contactIds} only the tasks linked to
     * one of them. Answers how many were handed over: fewer than {@code limit} when none is left.
     */
    int handOver(UUID orgId, UUID actorId, UUID fromId, UUID toId, @Nullable Collection<UUID> contactIds, int limit);
}
