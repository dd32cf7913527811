package io.liaison.identity.internal;

import io.liaison.identity.Actor;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated member. Its name is the member id, so that Spring Session can find (and end) all
 * sessions of a member; logins are unique only within an organization.
 */
public class ActorAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;

    public ActorAuthentication(Actor actor) {
        super(authorities(actor));
        this.actor = actor;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + actor.role()));
        if (actor.systemAdmin()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_SYSTEM_ADMIN"));
        }
        return authorities;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.memberId().toString();
    }
}
