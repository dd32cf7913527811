package io.liaison.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Many members' actors in one query, for work done for a batch of members at once (notifications
 * raised together): what {@link MemberService#actor(UUID, UUID)} reads for one, for each of them.
 */
@Service
public class ActiveMembers {

    /** The most members read at once. */
    public static final int MAX = 1_000;

    private final MemberRepository members;

    ActiveMembers(MemberRepository members) {
        this.members = members;
    }

    /** The actors of the active members among {@code memberIds} of the organization (at most {@link #MAX}). */
    @Transactional(readOnly = true)
    public List<Actor> actors(UUID orgId, Collection<UUID> memberIds) {
        if (memberIds.size() > MAX) {
            throw new IllegalArgumentException("At most " + MAX + " members at once");
        }
        return memberIds.isEmpty() ? List.of() : members.actors(orgId, memberIds);
    }
}
