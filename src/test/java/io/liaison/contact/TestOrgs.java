package io.liaison.contact;

import io.liaison.identity.Api;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Drives the REST API as an integration would, for this module's tests: organizations of their own,
 * members, and contacts inserted straight into the database (the contact API is not this module's).
 */
public final class TestOrgs {

    private final Api api;

    public TestOrgs(MockMvc mvc) {
        this.api = new Api(mvc);
    }

    public record Org(UUID id, String code, UUID adminId, String adminToken) {}

    public record Person(UUID id, String token) {}

    public static String unique(String prefix) {
        return Api.unique(prefix);
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String token, String body) {
        return Api.json(request, token, body);
    }

    public static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String token) {
        return Api.as(request, token);
    }

    public Org newOrg(String locale) throws Exception {
        Api.Org org = api.newOrg(locale);
        return new Org(UUID.fromString(org.id()), org.code(), UUID.fromString(org.adminId()), org.adminToken());
    }

    public Person newMember(Org org, String role) throws Exception {
        Api.Person person = api.newMember(
                new Api.Org(org.id().toString(), org.code(), org.adminId().toString(), "", org.adminToken()), role);
        return new Person(UUID.fromString(person.id()), person.token());
    }

    /** A contact row as the contact module would store it, followed by {@code org}'s administrator. */
    public static UUID insertContact(JdbcClient jdbc, Org org, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact (id, org_id, name, name_sort, owner_id, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, org.id(), name, ChineseNames.sortKey(name), org.adminId(), org.adminId())
                .update();
        return id;
    }

    public static void tag(JdbcClient jdbc, Org org, UUID contactId, UUID... tagIds) {
        for (UUID tagId : tagIds) {
            jdbc.sql("INSERT INTO contact_tag (org_id, contact_id, tag_id) VALUES (?, ?, ?)")
                    .params(org.id(), contactId, tagId)
                    .update();
        }
    }
}
