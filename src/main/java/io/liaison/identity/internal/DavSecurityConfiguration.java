package io.liaison.identity.internal;

import io.liaison.identity.LoginService;
import io.liaison.shared.Message;
import io.liaison.shared.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The phone address book's own way in ({@code /dav/**}): HTTP Basic with the member's login and an
 * app password (a token of scope {@code carddav}), and nothing else, neither the login password nor
 * an API token nor a page session. {@code /.well-known/carddav} only points to {@code /dav/} and
 * needs no credentials. Stateless and without CSRF tokens, as CardDAV clients send none.
 */
@Configuration(proxyBeanMethods = false)
class DavSecurityConfiguration {

    static final String REALM = "Basic realm=\"Liaison\", charset=\"UTF-8\"";

    @Bean
    @Order(1)
    SecurityFilterChain dav(HttpSecurity http, LoginService logins, Problems problems) throws Exception {
        http.securityMatcher("/dav", "/dav/**", "/.well-known/carddav", "/.well-known/carddav/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new DavAuthenticationFilter(logins, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/.well-known/carddav", "/.well-known/carddav/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                challenge(problems, request, response, "problem.dav.credentials"))
                        .accessDeniedHandler((request, response, ex) ->
                                challenge(problems, request, response, "problem.dav.credentials")))
                .headers(h ->
                        h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /** A 401 that asks for Basic credentials, saying in the caller's language which ones. */
    static void challenge(Problems problems, HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        problems.write(
                response, problems.withDetail(HttpStatus.UNAUTHORIZED, "bad-credentials", Message.of(detail), request));
    }
}
