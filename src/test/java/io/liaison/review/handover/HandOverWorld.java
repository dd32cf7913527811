package io.liaison.review.handover;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An organization of its own for a hand-over test: its administrator, a member who leaves and one
 * who takes over, contacts, groups and tasks made through the API as people make them.
 */
final class HandOverWorld {

    final Api api;
    final MockMvc mvc;
    final JdbcClient jdbc;
    final Api.Org org;
    final Api.Person leaver;
    final Api.Person receiver;
    final Actor admin;

    HandOverWorld(MockMvc mvc, MemberService members, JdbcClient jdbc, String locale) throws Exception {
        this.api = new Api(mvc);
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.org = api.newOrg(locale);
        this.leaver = api.newMember(org, "MEMBER");
        this.receiver = api.newMember(org, "MEMBER");
        this.admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
    }

    UUID orgId() {
        return UUID.fromString(org.id());
    }

    String tag(String group, String name) throws Exception {
        String groupId = api.createdId(json(
                post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"" + group + "\",\"color\":\"#1E88E5\"}"));
        return api.createdId(
                json(post("/api/v1/tag-groups/" + groupId + "/tags"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
    }

    /** A contact the leaver follows, with an e-mail address when {@code email} is not null. */
    String contact(String name, String email, String... tagIds) throws Exception {
        String emails = email == null ? "" : ",\"emails\":[{\"address\":\"" + email + "\"}]";
        String tags = tagIds.length == 0 ? "" : ",\"tagIds\":[\"" + String.join("\",\"", tagIds) + "\"]";
        return api.createdId(
                json(post("/api/v1/contacts"), org.adminToken(), """
                {"name":"%s","ownerId":"%s"%s%s}""".formatted(name, leaver.id(), emails, tags)));
    }

    /** A customer group the leaver owns, linked to the contact. */
    String group(String name, String contactId) throws Exception {
        return api.createdId(json(post("/api/v1/conversations"), leaver.token(), """
                {"kind":"external","name":"%s","contactIds":["%s"]}""".formatted(name, contactId)));
    }

    /** An open task made by the administrator, assigned to the leaver, linked to the contact. */
    String task(String title, String contactId) throws Exception {
        return api.createdId(
                json(post("/api/v1/tasks"), org.adminToken(), """
                {"title":"%s","assigneeIds":["%s"],"contactIds":["%s"]}""".formatted(title, leaver.id(), contactId)));
    }

    void deactivateLeaver() throws Exception {
        api.answer(as(post("/api/v1/members/" + leaver.id() + "/deactivate"), org.adminToken()), 200);
    }

    /** Starts a hand-over by the API; answers its id. */
    String start(String body) throws Exception {
        String answer =
                api.answer(json(post("/api/v1/members/" + leaver.id() + "/hand-over"), org.adminToken(), body), 202);
        return JsonPath.read(answer, "$.id");
    }

    String read(String path) throws Exception {
        return api.answer(as(get(path), org.adminToken()), 200);
    }

    String ownerOf(String contactId) throws Exception {
        return JsonPath.read(read("/api/v1/contacts/" + contactId), "$.ownerId");
    }

    /** A page as the administrator sees it. */
    String page(String path, String language) throws Exception {
        return mvc.perform(get(path)
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(admin)))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
