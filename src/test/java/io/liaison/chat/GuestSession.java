package io.liaison.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Api;
import jakarta.servlet.http.Cookie;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A guest as a browser would be one: invited by a member through the invitations API, joined on the
 * invitation's page, then calling the API with their session cookie (and the CSRF token a page sends).
 */
record GuestSession(Cookie cookie, String id) {

    static final String PASSWORD = "guest-password-1";

    /** A contact of {@code token}'s member, with a mobile of their own and an e-mail address. */
    static String contact(Api api, String token, String name, String email) throws Exception {
        return contact(
                api,
                token,
                name,
                email,
                "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000)));
    }

    static String contact(Api api, String token, String name, String email, String mobile) throws Exception {
        return api.createdId(Api.json(
                post("/api/v1/contacts"),
                token,
                "{\"name\":\"" + name + "\",\"mobile\":\"" + mobile + "\",\"emails\":[{\"address\":\"" + email
                        + "\"}]}"));
    }

    /** An external group of {@code token}'s member linked to {@code contactId}. */
    static String externalGroup(Api api, String token, String name, String contactId, String... members)
            throws Exception {
        String ids = members.length == 0 ? "" : "\"" + String.join("\",\"", members) + "\"";
        return api.createdId(Api.json(
                post("/api/v1/conversations"),
                token,
                "{\"kind\":\"external\",\"name\":\"" + name + "\",\"memberIds\":[" + ids + "],\"contactIds\":[\""
                        + contactId + "\"]}"));
    }

    /** The invitation's link, made through the API by {@code token}'s member. */
    static String invite(Api api, String token, String group, String contactId) throws Exception {
        String answer = api.answer(
                Api.json(
                        post("/api/v1/conversations/" + group + "/invitations"),
                        token,
                        "{\"contactId\":\"" + contactId + "\"}"),
                201);
        return JsonPath.read(answer, "$.url");
    }

    /** Accepts the invitation as a new guest and answers their session. */
    static GuestSession join(MockMvc mvc, String url, String name, String login) throws Exception {
        MockHttpServletResponse joined = mvc.perform(post(url.substring(url.indexOf("/guest/join/")))
                        .with(csrf())
                        .param("displayName", name)
                        .param("login", login)
                        .param("password", PASSWORD)
                        .param("password2", PASSWORD))
                .andReturn()
                .getResponse();
        assertThat(joined.getStatus()).as("joining").isEqualTo(302);
        Cookie cookie = joined.getCookie("SESSION");
        assertThat(cookie).as("the guest's session").isNotNull();
        String me = mvc.perform(get("/api/v1/me").cookie(cookie))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return new GuestSession(cookie, JsonPath.read(me, "$.id"));
    }

    /** A member invites the contact into the group and the contact joins as a new guest. */
    static GuestSession invited(MockMvc mvc, Api api, String token, String group, String contactId, String login)
            throws Exception {
        return join(mvc, invite(api, token, group, contactId), "Li Lei", login);
    }

    /** The request with the guest's session and a CSRF token, as their page sends it. */
    MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
        return request.cookie(cookie).with(csrf());
    }

    MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return on(request).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
