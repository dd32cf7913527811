package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every mapped path and method, pages and API alike (enumerated from Spring's handler mapping as the
 * authorization matrix does), requested with a guest's session: each answers 404 but the guests' own
 * pages, {@code /api/v1/me}, {@code /api/v1/conversations/**}, the chat socket {@code /ws} and the error page. A
 * new endpoint is covered the day it is mapped.
 */
@LiaisonIntegrationTest
class GuestAccessMatrixIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Guests guests;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    static boolean guestsOwn(String path) {
        return path.equals("/guest")
                || path.startsWith("/guest/")
                || path.equals("/api/v1/me")
                || path.equals("/api/v1/conversations")
                || path.startsWith("/api/v1/conversations/")
                || path.equals("/ws");
    }

    @Test
    void aGuestsSessionGets404OnEveryPathButTheirOwn() throws Exception {
        Actor admin = PageActors.newOrganizationAdmin(members, organizations, jdbc, "guestmatrix", "en");
        GuestInvitation invitation = guests.invite(admin, UUID.randomUUID(), UUID.randomUUID(), null);
        Cookie session = mvc.perform(
                        post(invitation.url().substring(invitation.url().indexOf("/guest/join/")))
                                .with(csrf())
                                .param("displayName", "Li Lei")
                                .param("login", "lilei")
                                .param("password", "guest-password-1")
                                .param("password2", "guest-password-1"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session).isNotNull();

        Set<String> endpoints = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    endpoints.add("GET " + path);
                    endpoints.add("POST " + path);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + path));
            }
        });
        List<String> wrong = new ArrayList<>();
        int walked = 0;
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            // /error is the container's error page, which every 404 itself is rendered by
            if (guestsOwn(pattern) || pattern.equals("/error") || method.equals("OPTIONS") || method.equals("HEAD")) {
                continue;
            }
            String path = pattern.replaceAll("\\{\\*?[^}]+}", UUID.randomUUID().toString());
            int status = mvc.perform(request(HttpMethod.valueOf(method), path)
                            .cookie(session)
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            walked++;
            if (status != 404) {
                wrong.add(endpoint + " → " + status);
            }
        }

        assertThat(walked).isGreaterThan(100);
        assertThat(wrong).isEmpty();
        // the chat socket's handshake reaches its handler, which wants an upgrade that MockMvc cannot make
        assertThat(mvc.perform(get("/ws").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("the chat socket for a guest")
                .isEqualTo(400);
    }
}
