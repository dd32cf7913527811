package io.liaison.identity.internal;

import io.liaison.identity.Guests;
import io.liaison.shared.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The guests' own way in, before the members' chains: their login page and rate limits, their
 * sessions, and a 404 for everything outside {@code /guest/**}, {@code /api/v1/me}, {@code
 * /api/v1/conversations/**} and the chat socket {@code /ws}, so that a guest cannot even learn which
 * members' pages exist. A member's session is nobody here: the guests' pages other than join and
 * login send it to the guests' login.
 */
@Configuration(proxyBeanMethods = false)
class GuestSecurityConfiguration {

    @Bean
    GuestSessions guestSessions() {
        return new GuestSessions();
    }

    @Bean
    @Order(0)
    SecurityFilterChain guestChain(HttpSecurity http, Guests guests, GuestSessions sessions, Problems problems)
            throws Exception {
        http.securityMatcher(sessions)
                .securityContext(c -> c.securityContextRepository(sessions))
                .authenticationManager(new ProviderManager(new GuestLoginProvider(guests)))
                .addFilterAfter(new GuestRefreshFilter(guests), SecurityContextHolderFilter.class)
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/guest/login",
                                "/guest/join/**",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error")
                        .permitAll()
                        .requestMatchers(
                                "/guest",
                                "/guest/**",
                                "/api/v1/me",
                                "/api/v1/conversations",
                                "/api/v1/conversations/**",
                                "/ws")
                        .hasRole(GuestAuthentication.ROLE)
                        .anyRequest()
                        .denyAll())
                .formLogin(f -> f.loginPage("/guest/login")
                        .loginProcessingUrl("/guest/login")
                        .authenticationDetailsSource(LoginDetails::new)
                        .defaultSuccessUrl("/guest", true)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + "/guest/login?" + FormLoginProvider.Refused.queryOf(e)))
                        .permitAll())
                .logout(l -> l.logoutUrl("/guest/logout").logoutSuccessHandler((request, response, auth) -> {
                    // the login page keeps the language the guest saw, which was their organization's
                    // unless they chose one (a cookie, which outlives the session by itself)
                    String lang = auth instanceof GuestAuthentication guest && !chosen(request)
                            ? "&lang=" + guest.guest().locale()
                            : "";
                    response.sendRedirect(request.getContextPath() + "/guest/login?logout" + lang);
                }))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/guest/login"))
                        .accessDeniedHandler((request, response, denied) -> {
                            String path = request.getRequestURI()
                                    .substring(request.getContextPath().length());
                            if (path.startsWith("/api/")) {
                                problems.write(response, problems.ofStatus(HttpServletResponse.SC_NOT_FOUND, request));
                            } else {
                                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                            }
                        }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(SecurityConfiguration.CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static boolean chosen(HttpServletRequest request) {
        return request.getCookies() != null
                && Arrays.stream(request.getCookies()).anyMatch(c -> MemberLocaleResolver.COOKIE.equals(c.getName()));
    }
}
