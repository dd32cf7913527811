package io.liaison.identity.internal;

import io.liaison.identity.MemberService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Reloads the session's member on every request: a deactivation, a new role or department applies at once. */
class ActorRefreshFilter extends SessionRefreshFilter<ActorAuthentication> {

    /** Request attribute set by a filter that has just loaded the actor, which needs no second load. */
    static final String LOADED = ActorRefreshFilter.class.getName() + ".LOADED";

    private final MemberService members;

    ActorRefreshFilter(MemberService members) {
        super(ActorAuthentication.class);
        this.members = members;
    }

    @Override
    Optional<ActorAuthentication> reload(ActorAuthentication current) {
        return members.actor(current.actor().orgId(), current.actor().memberId())
                .map(ActorAuthentication::new);
    }

    @Override
    boolean fresh(HttpServletRequest request) {
        return request.getAttribute(LOADED) != null;
    }
}
