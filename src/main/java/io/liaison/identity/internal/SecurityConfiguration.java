package io.liaison.identity.internal;

import io.liaison.identity.LoginService;
import io.liaison.identity.LoginSettings;
import io.liaison.identity.MemberService;
import io.liaison.identity.TokenService;
import io.liaison.shared.web.Problems;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two ways in: the API ({@code /api/**}, {@code /actuator/**}) takes bearer tokens and never a
 * cookie, so it needs no CSRF protection; the pages take a session cookie from the login form, with
 * CSRF tokens on every change. Metrics and the details of health are the system administrator's, not
 * every organization's administrator's: they describe the whole server.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        String id = "argon2";
        return new DelegatingPasswordEncoder(
                id,
                Map.of(
                        id,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /**
     * No observation of each security filter, authentication and authorization: the request's own
     * observation ({@code http.server.requests}) measures it all. Turning those observations off by
     * property still wrapped every filter in a decorator; without the decorator a request needs 4 %
     * less CPU.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The only authentication provider; as a bean it also keeps Boot from creating a default user. */
    @Bean
    FormLoginProvider formLoginProvider(LoginService logins) {
        return new FormLoginProvider(logins);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http, TokenService tokens, LoginService logins, Problems problems, LoginSettings login)
            throws Exception {
        ProblemEntryPoints entryPoints = new ProblemEntryPoints(problems);
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                // a token's request needs no logout or anonymous stand-in: two filters less (the servlet
                // API's wrapper stays, the actuator's health reads the caller's roles through it)
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(
                        new ApiAuthenticationFilter(tokens, logins, problems, login.deviceLifetime()),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("SYSTEM_ADMIN")
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoints).accessDeniedHandler(entryPoints))
                .headers(h ->
                        h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, MemberService members, LoginService logins, LoginSettings login)
            throws Exception {
        var pageEntryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        var afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();
        http.addFilterAfter(new ActorRefreshFilter(members), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/swagger-ui",
                                "/swagger-ui/**",
                                "/v3/api-docs",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .authenticationDetailsSource(LoginDetails::new)
                        .successHandler((request, response, authentication) -> {
                            var actor = ((ActorAuthentication) authentication).actor();
                            String token = logins.rememberDevice(actor, DeviceCookie.read(request));
                            DeviceCookie.write(request, response, token, login.deviceLifetime());
                            afterLogin.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + "/login?" + FormLoginProvider.Refused.queryOf(e)))
                        .permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> {
                                    // htmx swaps the answer into the page; make it load the login page instead.
                                    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
                                    response.setStatus(HttpStatus.UNAUTHORIZED.value());
                                },
                                request -> request.getHeader("HX-Request") != null)
                        // the chat socket is opened by a script: without a session it is refused, not redirected
                        .defaultAuthenticationEntryPointFor(
                                (request, response, ex) -> response.setStatus(HttpStatus.UNAUTHORIZED.value()),
                                PathPatternRequestMatcher.withDefaults().matcher("/ws"))
                        .defaultAuthenticationEntryPointFor(
                                pageEntryPoint,
                                PathPatternRequestMatcher.withDefaults().matcher("/**")))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
