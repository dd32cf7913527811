package io.liaison.chat.live;

import io.liaison.identity.Actor;
import io.liaison.identity.Caller;
import io.liaison.identity.Guest;
import java.util.UUID;

/** A participant as the socket tells them apart: a member's or a guest's id, in an organization. */
record Who(UUID orgId, UUID id, boolean guest) {

    static Who of(Caller caller) {
        if (caller instanceof Guest guest) {
            return new Who(guest.orgId(), guest.id(), true);
        }
        Actor actor = (Actor) caller;
        return new Who(actor.orgId(), actor.memberId(), false);
    }
}
