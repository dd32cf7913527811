package io.liaison.identity.internal;

import io.liaison.identity.Caller;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a controller method that members and guests both call take the current {@link Caller}. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The member or guest of an authentication (a socket's handshake has one too). */
    static Caller of(Authentication authentication) {
        if (authentication instanceof ActorAuthentication auth) {
            return auth.actor();
        }
        if (authentication instanceof GuestAuthentication auth) {
            return auth.guest();
        }
        throw new AuthenticationCredentialsNotFoundException("No member or guest is logged in");
    }
}
