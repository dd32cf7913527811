package io.liaison.access;

import static io.liaison.access.MatrixRules.*;
import static io.liaison.access.MatrixRules.Relation.COLLABORATOR;
import static io.liaison.access.MatrixRules.Relation.DEPARTMENT_SHARE;
import static io.liaison.access.MatrixRules.Relation.OTHER_ORG;
import static io.liaison.access.MatrixRules.Relation.OWNER;
import static io.liaison.access.MatrixRules.Relation.READ_SHARE;
import static io.liaison.access.MatrixRules.Relation.SAME_DEPARTMENT;
import static io.liaison.access.MatrixRules.Relation.SAME_ORG;
import static io.liaison.access.MatrixRules.Relation.SELF;
import static io.liaison.access.MatrixRules.Relation.SUB_DEPARTMENT;
import static io.liaison.access.MatrixRules.Role.READ_ONLY;
import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of issue 4: every REST endpoint under {@code /api/v1}, for each role and
 * each relation of the actor to the record, answers the status that the rule table below states.
 *
 * <p>The rule table ({@link #rules()} with the helpers under "The rules") is written from the
 * access rules, not from the answers: a contact endpoint needs one or more {@link ContactAction}s,
 * which owners, collaborators, read shares and data scopes grant; the other endpoints need a
 * permission, or nothing. The endpoints are enumerated from Spring's handler mapping, and the matrix
 * fails when an endpoint has no rule (or a rule no endpoint), so that a new endpoint cannot go
 * unchecked. Each refused write is checked to have changed nothing, by reading the record's rows
 * before and after.
 *
 * <p>The fixture: one organization with HQ → Sales → Sales East; the four actors (ADMIN, MANAGER,
 * MEMBER and a custom read-only role with scope DEPT_TREE and no permissions) sit in Sales. The
 * contacts they are "collaborator", "read-share", "department-share" (shared to Sales) and
 * "unrelated" to are followed by a member of HQ, which no DEPT_TREE scope from Sales covers;
 * "same-department" contacts by a member of Sales, "sub-department" ones by a member of Sales East.
 * A second organization holds the "other-organization" records.
 */
@LiaisonIntegrationTest
class AuthorizationMatrixIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    /** One row of the rule table: an endpoint (with a variant where one endpoint does several things). */
    record Rule(String endpoint, String variant, int success, List<Relation> relations, Expect expect, Driver driver) {

        String label() {
            return variant.isEmpty() ? endpoint : endpoint + " [" + variant + "]";
        }

        int expected(Role role, Relation relation) {
            return expect.status(role, relation, success);
        }
    }

    /** How to run one case: the request, the state it must leave alone when refused, how to read the answer. */
    record Call(RequestBuilder request, Callable<String> state, boolean batch) {}

    interface Driver {
        Call prepare(Role role, Relation relation) throws Exception;
    }

    static Rule rule(String endpoint, int success, List<Relation> relations, Expect expect, Driver driver) {
        return new Rule(endpoint, "", success, relations, expect, driver);
    }

    static Rule rule(
            String endpoint, String variant, int success, List<Relation> relations, Expect expect, Driver driver) {
        return new Rule(endpoint, variant, success, relations, expect, driver);
    }

    List<Rule> rules() {
        ContactAction see = ContactAction.SEE;
        ContactAction edit = ContactAction.EDIT;
        ContactAction share = ContactAction.SHARE;
        ContactAction remove = ContactAction.DELETE;
        ContactAction assign = ContactAction.ASSIGN;
        return List.of(
                // contacts
                rule("GET /api/v1/contacts", 200, ORG, anyone(), (r, x) -> read("/api/v1/contacts", r)),
                rule("GET /api/v1/contacts/count", 200, ORG, anyone(), (r, x) -> read("/api/v1/contacts/count", r)),
                rule(
                        "GET /api/v1/contacts/suggest",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/contacts/suggest?q=m", r)),
                rule("GET /api/v1/trash/contacts", 200, ORG, anyone(), (r, x) -> read("/api/v1/trash/contacts", r)),
                rule("POST /api/v1/contacts", 201, NEW_OWNER, createContact(), this::createContactCall),
                rule("GET /api/v1/contacts/{id}", 200, CONTACT, contact(see), (r, x) -> readContact(r, x, "")),
                rule("PATCH /api/v1/contacts/{id}", "fields", 200, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(patch(c.url()), token(r), "{\"remark\":\"matrix\",\"company\":\"M\"}"), c);
                }),
                rule("PATCH /api/v1/contacts/{id}", "shares", 200, CONTACT, contact(edit, share), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(patch(c.url()), token(r), "{\"shareUserIds\":[\"" + heir(x) + "\"]}"), c);
                }),
                rule("PATCH /api/v1/contacts/{id}", "collaborators", 200, CONTACT, contact(edit, share), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(patch(c.url()), token(r), "{\"collaboratorIds\":[\"" + heir(x) + "\"]}"), c);
                }),
                rule("PATCH /api/v1/contacts/{id}", "ownerId", 200, CONTACT, contact(edit, assign), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(patch(c.url()), token(r), "{\"ownerId\":\"" + heir(x) + "\"}"), c);
                }),
                rule("DELETE /api/v1/contacts/{id}", 204, CONTACT, contact(remove), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(as(delete(c.url()), token(r)), c);
                }),
                rule("POST /api/v1/contacts/{id}/restore", 200, CONTACT, contact(remove), (r, x) -> {
                    Target c = trashed(fresh(r, x, ""));
                    return write(as(post(c.url() + "/restore"), token(r)), c);
                }),
                rule("POST /api/v1/contacts/{id}/reveal", 200, CONTACT, reveal(), (r, x) -> {
                    Target c = cached(r, x);
                    return read(as(post(c.url() + "/reveal"), token(r)));
                }),
                rule(
                        "GET /api/v1/contacts/{id}/timeline",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> readContact(r, x, "/timeline")),
                rule("PUT /api/v1/contacts/{id}/tags", 200, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(put(c.url() + "/tags"), token(r), "{\"tagIds\":[\"" + c.tag() + "\"]}"), c);
                }),
                rule("POST /api/v1/contacts/{id}/tags", 200, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(post(c.url() + "/tags"), token(r), "{\"tagIds\":[\"" + c.tag() + "\"]}"), c);
                }),
                rule("DELETE /api/v1/contacts/{id}/tags", 200, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "tagged");
                    return write(as(delete(c.url() + "/tags").param("tagId", c.tag()), token(r)), c);
                }),
                rule(
                        "GET /api/v1/contacts/{id}/push-opt-out",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> readContact(r, x, "/push-opt-out")),
                // contact engagement (issue 24): whoever sees the contact
                rule(
                        "GET /api/v1/contacts/{id}/engagement",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> readContact(r, x, "/engagement")),
                rule("PUT /api/v1/contacts/{id}/push-opt-out", 204, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(as(put(c.url() + "/push-opt-out"), token(r)), optOut(c));
                }),
                rule("DELETE /api/v1/contacts/{id}/push-opt-out", 204, CONTACT, contact(edit), (r, x) -> {
                    Target c = optedOut(fresh(r, x, ""));
                    return write(as(delete(c.url() + "/push-opt-out"), token(r)), optOut(c));
                }),
                rule(
                        "GET /api/v1/contacts/{contactId}/follow-ups",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> readContact(r, x, "/follow-ups")),
                rule("POST /api/v1/contacts/{contactId}/follow-ups", 201, CONTACT, contact(see), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(post(c.url() + "/follow-ups"), token(r), FOLLOW_UP), c);
                }),
                rule("PATCH /api/v1/contacts/{contactId}/follow-ups/{id}", 200, CONTACT, followUpAuthor(), (r, x) -> {
                    Target c = fresh(r, x, "");
                    String url = c.url() + "/follow-ups/" + followUp(c);
                    return write(json(patch(url), token(r), "{\"content\":\"changed by the matrix\"}"), c);
                }),
                rule("DELETE /api/v1/contacts/{contactId}/follow-ups/{id}", 204, CONTACT, followUpAuthor(), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(as(delete(c.url() + "/follow-ups/" + followUp(c)), token(r)), c);
                }),
                rule("POST /api/v1/contacts/batch", "tag", 200, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return batch(r, c, "\"action\":\"tag\",\"tagIds\":[\"" + c.tag() + "\"]");
                }),
                rule(
                        "POST /api/v1/contacts/batch",
                        "delete",
                        200,
                        CONTACT,
                        contact(remove),
                        (r, x) -> batch(r, fresh(r, x, ""), "\"action\":\"delete\"")),
                rule(
                        "POST /api/v1/contacts/batch",
                        "restore",
                        200,
                        CONTACT,
                        contact(remove),
                        (r, x) -> batch(r, trashed(fresh(r, x, "")), "\"action\":\"restore\"")),
                rule(
                        "POST /api/v1/contacts/batch",
                        "assign",
                        200,
                        CONTACT,
                        contact(assign),
                        (r, x) -> batch(r, fresh(r, x, ""), "\"action\":\"assign\",\"ownerId\":\"" + heir(x) + "\"")),
                rule(
                        "POST /api/v1/contacts/batch",
                        "share",
                        200,
                        CONTACT,
                        contact(share),
                        (r, x) -> batch(
                                r, fresh(r, x, ""), "\"action\":\"share\",\"shareUserIds\":[\"" + heir(x) + "\"]")),
                // tags and tag groups
                rule("GET /api/v1/tag-groups", 200, ORG, anyone(), (r, x) -> read("/api/v1/tag-groups", r)),
                rule(
                        "POST /api/v1/tag-groups",
                        201,
                        ORG,
                        permission("tag.manage"),
                        (r, x) -> write(json(post("/api/v1/tag-groups"), token(r), groupBody()), count("tag_group"))),
                rule(
                        "GET /api/v1/tag-groups/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/tag-groups/" + pick(x, group, otherGroup), r)),
                rule("PATCH /api/v1/tag-groups/{id}", 200, BY_ID, permission("tag.manage"), (r, x) -> {
                    String id = pick(x, group, otherGroup);
                    return write(json(patch("/api/v1/tag-groups/" + id), token(r), named()), row("tag_group", id));
                }),
                rule("DELETE /api/v1/tag-groups/{id}", 204, BY_ID, permission("tag.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherGroup : newGroup();
                    return write(as(delete("/api/v1/tag-groups/" + id), token(r)), row("tag_group", id));
                }),
                rule(
                        "POST /api/v1/tag-groups/{id}/tags",
                        201,
                        BY_ID,
                        permission("tag.manage"),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/tag-groups/" + pick(x, group, otherGroup) + "/tags"),
                                        token(r),
                                        named()),
                                count("tag"))),
                rule(
                        "GET /api/v1/tags/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/tags/" + pick(x, tag, otherTag), r)),
                rule("PATCH /api/v1/tags/{id}", 200, BY_ID, permission("tag.manage"), (r, x) -> {
                    String id = pick(x, tag, otherTag);
                    return write(json(patch("/api/v1/tags/" + id), token(r), named()), row("tag", id));
                }),
                rule("DELETE /api/v1/tags/{id}", 204, BY_ID, permission("tag.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherTag : newTag();
                    return write(as(delete("/api/v1/tags/" + id), token(r)), row("tag", id));
                }),
                // custom fields
                rule("GET /api/v1/custom-fields", 200, ORG, anyone(), (r, x) -> read("/api/v1/custom-fields", r)),
                rule(
                        "POST /api/v1/custom-fields",
                        201,
                        ORG,
                        permission("field.manage"),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/custom-fields"),
                                        token(r),
                                        "{\"key\":\"" + key() + "\",\"label\":\"Matrix\",\"type\":\"text\"}"),
                                count("custom_field"))),
                rule(
                        "GET /api/v1/custom-fields/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/custom-fields/" + pick(x, field, otherField), r)),
                rule("PATCH /api/v1/custom-fields/{id}", 200, BY_ID, permission("field.manage"), (r, x) -> {
                    String id = pick(x, field, otherField);
                    return write(
                            json(patch("/api/v1/custom-fields/" + id), token(r), "{\"label\":\"" + key() + "\"}"),
                            row("custom_field", id));
                }),
                rule("DELETE /api/v1/custom-fields/{id}", 204, BY_ID, permission("field.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherField : newField();
                    return write(as(delete("/api/v1/custom-fields/" + id), token(r)), row("custom_field", id));
                }),
                // departments
                rule("GET /api/v1/departments", 200, ORG, anyone(), (r, x) -> read("/api/v1/departments", r)),
                rule(
                        "POST /api/v1/departments",
                        201,
                        ORG,
                        permission("member.manage"),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/departments"),
                                        token(r),
                                        "{\"name\":\"" + Api.unique("Dept") + "\",\"parentId\":\"" + hq + "\"}"),
                                count("department"))),
                rule(
                        "GET /api/v1/departments/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/departments/" + pick(x, spareDept, otherDept), r)),
                rule("PATCH /api/v1/departments/{id}", 200, BY_ID, permission("member.manage"), (r, x) -> {
                    String id = pick(x, spareDept, otherDept);
                    return write(json(patch("/api/v1/departments/" + id), token(r), named()), row("department", id));
                }),
                rule("DELETE /api/v1/departments/{id}", 204, BY_ID, permission("member.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherDept : api.newDepartment(org, Api.unique("Gone"), hq);
                    return write(as(delete("/api/v1/departments/" + id), token(r)), row("department", id));
                }),
                // members
                rule("GET /api/v1/members", 200, ORG, anyone(), (r, x) -> read("/api/v1/members", r)),
                rule(
                        "POST /api/v1/members",
                        201,
                        ORG,
                        permission("member.manage"),
                        (r, x) -> write(
                                json(post("/api/v1/members"), token(r), newMemberBody("MEMBER")), count("member"))),
                rule(
                        "GET /api/v1/members/{id}",
                        200,
                        PERSONAL,
                        anyone(),
                        (r, x) -> read("/api/v1/members/" + memberFor(r, x), r)),
                rule("PATCH /api/v1/members/{id}", 200, PERSONAL, managesMember(), (r, x) -> {
                    String id = memberFor(r, x);
                    return write(
                            json(patch("/api/v1/members/" + id), token(r), "{\"displayName\":\"" + key() + "\"}"),
                            row("member", id));
                }),
                rule("POST /api/v1/members/{id}/deactivate", 200, BY_ID, managesMember(), (r, x) -> {
                    String id = x == OTHER_ORG ? otherOwner.id() : newMember(false);
                    return write(as(post("/api/v1/members/" + id + "/deactivate"), token(r)), row("member", id));
                }),
                rule("POST /api/v1/members/{id}/activate", 200, BY_ID, managesMember(), (r, x) -> {
                    String id = x == OTHER_ORG ? otherInactive : newMember(true);
                    return write(as(post("/api/v1/members/" + id + "/activate"), token(r)), row("member", id));
                }),
                // roles
                rule("GET /api/v1/roles", 200, ORG, anyone(), (r, x) -> read("/api/v1/roles", r)),
                rule(
                        "POST /api/v1/roles",
                        201,
                        ORG,
                        permission("role.manage"),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/roles"),
                                        token(r),
                                        "{\"name\":\"" + key()
                                                + "\",\"dataScope\":\"SELF\",\"permissions\":[\"contact.create\"]}"),
                                count("role"))),
                rule(
                        "GET /api/v1/roles/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/roles/" + pick(x, spareRole, otherRole), r)),
                rule("PATCH /api/v1/roles/{id}", 200, BY_ID, permission("role.manage"), (r, x) -> {
                    String id = pick(x, spareRole, otherRole);
                    return write(json(patch("/api/v1/roles/" + id), token(r), named()), row("role", id));
                }),
                rule("DELETE /api/v1/roles/{id}", 204, BY_ID, permission("role.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherRole : api.newRole(org, key(), "SELF");
                    return write(as(delete("/api/v1/roles/" + id), token(r)), row("role", id));
                }),
                // imports: starting one needs contact.create (for mode create); a job is its starter's alone
                rule(
                        "POST /api/v1/imports",
                        202,
                        ORG,
                        permission("contact.create"),
                        (r, x) -> write(importUpload("/api/v1/imports", token(r), "create"), count("import_job"))),
                rule(
                        "POST /api/v1/imports/preview",
                        200,
                        ORG,
                        permission("contact.create"),
                        (r, x) -> write(
                                importUpload("/api/v1/imports/preview", token(r), "create"), count("import_upload"))),
                rule("GET /api/v1/imports", 200, ORG, anyone(), (r, x) -> read("/api/v1/imports", r)),
                rule(
                        "GET /api/v1/imports/{id}",
                        200,
                        PERSONAL,
                        own(),
                        (r, x) -> read("/api/v1/imports/" + job(r, x), r)),
                rule(
                        "GET /api/v1/imports/{id}/errors",
                        200,
                        PERSONAL,
                        own(),
                        (r, x) -> read("/api/v1/imports/" + job(r, x) + "/errors", r)),
                rule("POST /api/v1/imports/{id}/cancel", 200, PERSONAL, own(), (r, x) -> {
                    String id = job(r, x);
                    return write(as(post("/api/v1/imports/" + id + "/cancel"), token(r)), row("import_job", id));
                }),
                // exports: starting one needs contact.export; a job and its file are its starter's alone
                rule(
                        "POST /api/v1/exports",
                        202,
                        ORG,
                        permission("contact.export"),
                        (r, x) -> write(
                                json(post("/api/v1/exports"), token(r), "{\"format\":\"csv\"}"), count("export_job"))),
                rule("GET /api/v1/exports", 200, ORG, anyone(), (r, x) -> read("/api/v1/exports", r)),
                rule(
                        "GET /api/v1/exports/{id}",
                        200,
                        PERSONAL,
                        own(),
                        (r, x) -> read("/api/v1/exports/" + export(r, x), r)),
                // a queued export has no file yet: its starter is told 409, anyone else 404
                rule(
                        "GET /api/v1/exports/{id}/file",
                        409,
                        PERSONAL,
                        own(),
                        (r, x) -> read("/api/v1/exports/" + export(r, x) + "/file", r)),
                // the actor, tokens, audit, organizations
                rule("GET /api/v1/me", 200, ORG, anyone(), (r, x) -> read("/api/v1/me", r)),
                rule("POST /api/v1/me/password", 204, ORG, anyone(), (r, x) -> {
                    // a member of the role of their own, so that the fixture's passwords stay as they are
                    Api.Person p = api.newMember(org, roleKey(r), sales);
                    return write(
                            json(
                                    post("/api/v1/me/password"),
                                    p.token(),
                                    "{\"currentPassword\":\"" + p.password()
                                            + "\",\"newPassword\":\"another long password\"}"),
                            row("member", p.id()));
                }),
                rule("GET /api/v1/tokens", 200, ORG, anyone(), (r, x) -> read("/api/v1/tokens", r)),
                rule(
                        "POST /api/v1/tokens",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(
                                json(post("/api/v1/tokens"), token(r), "{\"name\":\"matrix\"}"), count("api_token"))),
                rule("DELETE /api/v1/tokens/{id}", 204, PERSONAL, own(), (r, x) -> {
                    String id = switch (x) {
                        case SELF -> newToken(token(r));
                        case SAME_ORG -> newToken(salesOwner.token());
                        default -> newToken(otherOwner.token());
                    };
                    return write(as(delete("/api/v1/tokens/" + id), token(r)), row("api_token", id));
                }),
                // notifications: a member's own, nobody else's (another's id is 404, like another org's)
                rule("GET /api/v1/notifications", 200, ORG, anyone(), (r, x) -> read("/api/v1/notifications", r)),
                rule(
                        "GET /api/v1/notifications/count",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/notifications/count", r)),
                rule("POST /api/v1/notifications/{id}/read", 204, PERSONAL, own(), (r, x) -> {
                    String id = notification(r, x);
                    return write(as(post("/api/v1/notifications/" + id + "/read"), token(r)), row("notification", id));
                }),
                rule("POST /api/v1/notifications/read-all", 200, ORG, anyone(), (r, x) -> {
                    notification(r, SELF);
                    return write(as(post("/api/v1/notifications/read-all"), token(r)), count("notification"));
                }),
                rule(
                        "GET /api/v1/notification-preferences",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/notification-preferences", r)),
                rule(
                        "PUT /api/v1/notification-preferences",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> write(
                                json(
                                        put("/api/v1/notification-preferences"),
                                        token(r),
                                        "{\"kinds\":[{\"kind\":\"contact.shared\",\"inApp\":false,\"email\":false}]}"),
                                count("notification_preference"))),
                rule(
                        "GET /api/v1/audit-events",
                        200,
                        ORG,
                        permission("audit.read"),
                        (r, x) -> read("/api/v1/audit-events", r)),
                // conversations (issue 19): participants only; the owner and admins change a group
                rule("GET /api/v1/conversations", 200, ORG, anyone(), (r, x) -> read("/api/v1/conversations", r)),
                rule(
                        "POST /api/v1/conversations",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(
                                json(post("/api/v1/conversations"), token(r), "{\"kind\":\"internal\",\"name\":\"m\"}"),
                                count("conversation"))),
                rule(
                        "GET /api/v1/conversations/{id}",
                        200,
                        CONVERSATION,
                        participant(),
                        (r, x) -> read("/api/v1/conversations/" + conversationFor(r, x), r)),
                rule("PATCH /api/v1/conversations/{id}", 200, CONVERSATION, conversationManager(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(json(patch("/api/v1/conversations/" + id), token(r), "{\"name\":\"改\"}"), chat(id));
                }),
                rule("DELETE /api/v1/conversations/{id}", 204, CONVERSATION, conversationManager(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(as(delete("/api/v1/conversations/" + id), token(r)), chat(id));
                }),
                rule(
                        "GET /api/v1/conversations/{id}/participants",
                        200,
                        CONVERSATION,
                        participant(),
                        (r, x) -> read("/api/v1/conversations/" + conversationFor(r, x) + "/participants", r)),
                rule(
                        "POST /api/v1/conversations/{id}/participants",
                        200,
                        CONVERSATION,
                        conversationManager(),
                        (r, x) -> {
                            String id = conversationFor(r, x);
                            return write(
                                    json(
                                            post("/api/v1/conversations/" + id + "/participants"),
                                            token(r),
                                            "{\"memberIds\":[\"" + (x == OTHER_ORG ? otherOwner.id() : eastOwner.id())
                                                    + "\"]}"),
                                    chat(id));
                        }),
                rule(
                        "DELETE /api/v1/conversations/{id}/participants",
                        204,
                        CONVERSATION,
                        conversationManager(),
                        (r, x) -> {
                            String id = conversationFor(r, x);
                            return write(
                                    as(
                                            delete("/api/v1/conversations/" + id + "/participants?memberId="
                                                    + thirdFor(x)),
                                            token(r)),
                                    chat(id));
                        }),
                rule(
                        "PATCH /api/v1/conversations/{id}/participants",
                        200,
                        CONVERSATION,
                        conversationManager(),
                        (r, x) -> {
                            String id = conversationFor(r, x);
                            return write(
                                    json(
                                            patch("/api/v1/conversations/" + id + "/participants?memberId="
                                                    + thirdFor(x)),
                                            token(r),
                                            "{\"muted\":true}"),
                                    chat(id));
                        }),
                rule("POST /api/v1/conversations/{id}/leave", 204, CONVERSATION, leaves(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(as(post("/api/v1/conversations/" + id + "/leave"), token(r)), chat(id));
                }),
                rule("POST /api/v1/conversations/{id}/transfer", 204, CONVERSATION, conversationManager(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(
                            json(
                                    post("/api/v1/conversations/" + id + "/transfer"),
                                    token(r),
                                    "{\"memberId\":\"" + thirdFor(x) + "\"}"),
                            chat(id));
                }),
                rule(
                        "GET /api/v1/conversations/{id}/messages",
                        200,
                        CONVERSATION,
                        participant(),
                        (r, x) -> read("/api/v1/conversations/" + conversationFor(r, x) + "/messages", r)),
                rule("POST /api/v1/conversations/{id}/messages", 201, CONVERSATION, participant(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(
                            json(post("/api/v1/conversations/" + id + "/messages"), token(r), "{\"text\":\"矩阵\"}"),
                            chat(id));
                }),
                rule("PATCH /api/v1/conversations/{id}/messages/{messageId}", 200, CONVERSATION, author(), (r, x) -> {
                    String id = conversationFor(r, x);
                    String message = messageFor(x, id);
                    return write(
                            json(
                                    patch("/api/v1/conversations/" + id + "/messages/" + message),
                                    token(r),
                                    "{\"text\":\"改\"}"),
                            row("chat_message", message));
                }),
                rule(
                        "POST /api/v1/conversations/{id}/messages/{messageId}/recall",
                        200,
                        CONVERSATION,
                        author(),
                        (r, x) -> {
                            String id = conversationFor(r, x);
                            String message = messageFor(x, id);
                            return write(
                                    as(
                                            post("/api/v1/conversations/" + id + "/messages/" + message + "/recall"),
                                            token(r)),
                                    row("chat_message", message));
                        }),
                rule("POST /api/v1/conversations/{id}/read", 204, CONVERSATION, participant(), (r, x) -> {
                    String id = conversationFor(r, x);
                    return write(
                            json(post("/api/v1/conversations/" + id + "/read"), token(r), "{\"seq\":0}"), chat(id));
                }),
                rule(
                        "GET /api/v1/messages/search",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/messages/search?q=报", r)),
                // invitations into external groups (issue 19, guests): any participant invites a contact they see;
                // the owner and admins, or whoever invited, revoke (the matrix's invitation is by the owner)
                rule("POST /api/v1/conversations/{id}/invitations", 201, CONVERSATION, participant(), (r, x) -> {
                    String id = conversationFor(r, x, "external");
                    return write(
                            json(
                                    post("/api/v1/conversations/" + id + "/invitations"),
                                    token(r),
                                    "{\"contactId\":\""
                                            + contactOf(org.id(), actors.get(r).id()) + "\"}"),
                            invitations(id));
                }),
                rule(
                        "GET /api/v1/conversations/{id}/invitations",
                        200,
                        CONVERSATION,
                        participant(),
                        (r, x) ->
                                read("/api/v1/conversations/" + conversationFor(r, x, "external") + "/invitations", r)),
                rule(
                        "DELETE /api/v1/conversations/{id}/invitations/{invitationId}",
                        204,
                        CONVERSATION,
                        invitationRevoker(),
                        (r, x) -> {
                            String id = conversationFor(r, x, "external");
                            String invitation = invitationIn(r, x, id);
                            return write(
                                    as(delete("/api/v1/conversations/" + id + "/invitations/" + invitation), token(r)),
                                    row("guest_invitation", invitation));
                        }),
                rule(
                        "GET /api/v1/conversations/{id}/export",
                        200,
                        CONVERSATION,
                        conversationManager(),
                        (r, x) -> read("/api/v1/conversations/" + conversationFor(r, x) + "/export", r)),
                // mass push (issue 20): senders make pushes, approvers see, approve and cancel everyone's
                rule("GET /api/v1/push-settings", 200, ORG, anyone(), (r, x) -> read("/api/v1/push-settings", r)),
                rule(
                        "PUT /api/v1/push-settings",
                        200,
                        ORG,
                        permission("push.approve"),
                        (r, x) -> write(
                                json(put("/api/v1/push-settings"), token(r), PUSH_SETTINGS), count("push_settings"))),
                rule("GET /api/v1/pushes", 200, ORG, permission("push.send"), (r, x) -> read("/api/v1/pushes", r)),
                rule(
                        "POST /api/v1/pushes",
                        201,
                        ORG,
                        permission("push.send"),
                        (r, x) -> write(json(post("/api/v1/pushes"), token(r), pushBody()), count("push"))),
                rule(
                        "POST /api/v1/pushes/reach",
                        200,
                        ORG,
                        permission("push.send"),
                        (r, x) -> read(json(post("/api/v1/pushes/reach"), token(r), "{\"filter\":{}}"))),
                rule(
                        "POST /api/v1/pushes/preview",
                        200,
                        ORG,
                        permission("push.send"),
                        (r, x) -> read(json(post("/api/v1/pushes/preview"), token(r), PREVIEW_BODY))),
                rule(
                        "GET /api/v1/pushes/{id}/recipients/export",
                        200,
                        BY_ID,
                        pushApprover(),
                        (r, x) -> read("/api/v1/pushes/" + pushFor(x, "scheduled") + "/recipients/export", r)),
                rule(
                        "GET /api/v1/pushes/{id}",
                        200,
                        BY_ID,
                        pushApprover(),
                        (r, x) -> read("/api/v1/pushes/" + pushFor(x, "scheduled"), r)),
                rule(
                        "GET /api/v1/pushes/{id}/recipients",
                        200,
                        BY_ID,
                        pushApprover(),
                        (r, x) -> read("/api/v1/pushes/" + pushFor(x, "scheduled") + "/recipients", r)),
                rule("POST /api/v1/pushes/{id}/approve", 200, BY_ID, permission("push.approve"), (r, x) -> {
                    String id = pushFor(x, "awaiting_approval");
                    return write(as(post("/api/v1/pushes/" + id + "/approve"), token(r)), row("push", id));
                }),
                rule("POST /api/v1/pushes/{id}/cancel", 200, BY_ID, pushApprover(), (r, x) -> {
                    String id = pushFor(x, "scheduled");
                    return write(as(post("/api/v1/pushes/" + id + "/cancel"), token(r)), row("push", id));
                }),
                // channels and their delivery log (issue 18)
                rule("GET /api/v1/channels", 200, ORG, anyone(), (r, x) -> read("/api/v1/channels", r)),
                rule(
                        "POST /api/v1/channels",
                        "organization's",
                        201,
                        ORG,
                        permission("channel.manage"),
                        (r, x) -> write(json(post("/api/v1/channels"), token(r), robotBody(false)), count("channel"))),
                rule(
                        "POST /api/v1/channels",
                        "personal",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(json(post("/api/v1/channels"), token(r), robotBody(true)), count("channel"))),
                rule(
                        "GET /api/v1/channels/{id}",
                        200,
                        CHANNEL,
                        channel(),
                        (r, x) -> read("/api/v1/channels/" + channelFor(r, x), r)),
                rule("PATCH /api/v1/channels/{id}", 200, CHANNEL, channel(), (r, x) -> {
                    String id = channelFor(r, x);
                    return write(
                            json(patch("/api/v1/channels/" + id), token(r), "{\"name\":\"matrix\"}"),
                            row("channel", id));
                }),
                rule("DELETE /api/v1/channels/{id}", 204, CHANNEL, channel(), (r, x) -> {
                    String id = channelFor(r, x);
                    return write(as(delete("/api/v1/channels/" + id), token(r)), row("channel", id));
                }),
                rule("POST /api/v1/channels/{id}/test", 200, CHANNEL, channel(), (r, x) -> {
                    String id = channelFor(r, x);
                    return write(as(post("/api/v1/channels/" + id + "/test"), token(r)), row("channel", id));
                }),
                rule("GET /api/v1/deliveries", 200, ORG, anyone(), (r, x) -> read("/api/v1/deliveries", r)),
                rule(
                        "GET /api/v1/deliveries/{id}",
                        200,
                        CHANNEL,
                        channel(),
                        (r, x) -> read("/api/v1/deliveries/" + failedDelivery(r, x), r)),
                rule("POST /api/v1/deliveries/{id}/retry", 200, CHANNEL, channel(), (r, x) -> {
                    String id = failedDelivery(r, x);
                    return write(as(post("/api/v1/deliveries/" + id + "/retry"), token(r)), row("delivery", id));
                }),
                // tasks (issue 21): anyone makes them; a task is seen by its maker and, with task.manage, in scope
                rule("GET /api/v1/tasks", 200, ORG, anyone(), (r, x) -> read("/api/v1/tasks", r)),
                rule(
                        "POST /api/v1/tasks",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(json(post("/api/v1/tasks"), token(r), TASK_BODY), count("task"))),
                rule("GET /api/v1/tasks/{id}", 200, TASK, task(), (r, x) -> read("/api/v1/tasks/" + taskFor(r, x), r)),
                rule("POST /api/v1/tasks/{id}/complete", 200, TASK, task(), (r, x) -> {
                    String id = taskFor(r, x);
                    return write(as(post("/api/v1/tasks/" + id + "/complete"), token(r)), row("task", id));
                }),
                // cadences (issue 21): a contact's by whoever may edit it, a tag's by tag managers; all seen in the org
                rule("GET /api/v1/cadences", 200, ORG, anyone(), (r, x) -> read("/api/v1/cadences", r)),
                rule("GET /api/v1/cadences/due", 200, ORG, anyone(), (r, x) -> read("/api/v1/cadences/due", r)),
                rule("POST /api/v1/cadences", "contact", 201, CONTACT, contact(edit), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(json(post("/api/v1/cadences"), token(r), contactCadence(c)), cadenceOf(c.id()));
                }),
                rule("POST /api/v1/cadences", "tag", 201, BY_ID, permission("tag.manage"), (r, x) -> {
                    String id = x == OTHER_ORG ? otherTag : newTag();
                    return write(json(post("/api/v1/cadences"), token(r), tagCadence(id)), cadenceOf(id));
                }),
                rule("PATCH /api/v1/cadences/{id}", "contact", 200, CONTACT, contact(edit), (r, x) -> {
                    String id = cadenceFor(fresh(r, x, ""));
                    return write(
                            json(patch("/api/v1/cadences/" + id), token(r), "{\"everyDays\":30}"), row("cadence", id));
                }),
                rule("PATCH /api/v1/cadences/{id}", "tag", 200, BY_ID, foundThen("tag.manage"), (r, x) -> {
                    String id = tagCadenceFor(x);
                    return write(
                            json(patch("/api/v1/cadences/" + id), token(r), "{\"everyDays\":30}"), row("cadence", id));
                }),
                rule("DELETE /api/v1/cadences/{id}", "contact", 204, CONTACT, contact(edit), (r, x) -> {
                    String id = cadenceFor(fresh(r, x, ""));
                    return write(as(delete("/api/v1/cadences/" + id), token(r)), row("cadence", id));
                }),
                rule("DELETE /api/v1/cadences/{id}", "tag", 204, BY_ID, foundThen("tag.manage"), (r, x) -> {
                    String id = tagCadenceFor(x);
                    return write(as(delete("/api/v1/cadences/" + id), token(r)), row("cadence", id));
                }),
                // calendar events (issue 21): anyone plans them; seen and changed by the maker and, with task.manage,
                // in scope
                rule(
                        "GET /api/v1/events",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/events?from=2026-12-01T00:00:00Z&to=2026-12-31T00:00:00Z", r)),
                rule(
                        "POST /api/v1/events",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(json(post("/api/v1/events"), token(r), EVENT_BODY), count("calendar_event"))),
                rule(
                        "GET /api/v1/events/{id}",
                        200,
                        TASK,
                        task(),
                        (r, x) -> read("/api/v1/events/" + eventFor(r, x), r)),
                rule("PATCH /api/v1/events/{id}", 200, TASK, task(), (r, x) -> {
                    String id = eventFor(r, x);
                    return write(
                            json(patch("/api/v1/events/" + id), token(r), "{\"place\":\"杭州\"}"),
                            row("calendar_event", id));
                }),
                rule("DELETE /api/v1/events/{id}", 204, TASK, task(), (r, x) -> {
                    String id = eventFor(r, x);
                    return write(as(delete("/api/v1/events/" + id), token(r)), row("calendar_event", id));
                }),
                // calendar feeds (issue 21): each member's own
                rule(
                        "POST /api/v1/me/calendar-feed",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(as(post("/api/v1/me/calendar-feed"), token(r)), count("calendar_feed"))),
                rule(
                        "DELETE /api/v1/me/calendar-feed",
                        204,
                        ORG,
                        anyone(),
                        (r, x) -> write(as(delete("/api/v1/me/calendar-feed"), token(r)), count("calendar_feed"))),
                rule("PATCH /api/v1/tasks/{id}", 200, TASK, task(), (r, x) -> {
                    String id = taskFor(r, x);
                    return write(
                            json(patch("/api/v1/tasks/" + id), token(r), "{\"priority\":\"urgent\"}"), row("task", id));
                }),
                rule("DELETE /api/v1/tasks/{id}", 204, TASK, task(), (r, x) -> {
                    String id = taskFor(r, x);
                    return write(as(delete("/api/v1/tasks/" + id), token(r)), row("task", id));
                }),
                rule(
                        "GET /api/v1/tasks/{id}/comments",
                        200,
                        TASK,
                        task(),
                        (r, x) -> read("/api/v1/tasks/" + taskFor(r, x) + "/comments", r)),
                rule(
                        "POST /api/v1/tasks/{id}/comments",
                        201,
                        TASK,
                        task(),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/tasks/" + taskFor(r, x) + "/comments"),
                                        token(r),
                                        "{\"body\":\"好\"}"),
                                count("task_comment"))),
                // push templates (issue 20): for those who may send pushes
                rule(
                        "GET /api/v1/push-templates",
                        200,
                        ORG,
                        permission("push.send"),
                        (r, x) -> read("/api/v1/push-templates", r)),
                rule(
                        "POST /api/v1/push-templates",
                        201,
                        ORG,
                        permission("push.send"),
                        (r, x) -> write(
                                json(post("/api/v1/push-templates"), token(r), templateBody()),
                                count("push_template"))),
                rule(
                        "GET /api/v1/push-templates/{id}",
                        200,
                        BY_ID,
                        permission("push.send"),
                        (r, x) -> read("/api/v1/push-templates/" + templateFor(x), r)),
                rule("PATCH /api/v1/push-templates/{id}", 200, BY_ID, permission("push.send"), (r, x) -> {
                    String id = templateFor(x);
                    return write(
                            json(patch("/api/v1/push-templates/" + id), token(r), named()), row("push_template", id));
                }),
                rule("DELETE /api/v1/push-templates/{id}", 204, BY_ID, permission("push.send"), (r, x) -> {
                    String id = templateFor(x);
                    return write(as(delete("/api/v1/push-templates/" + id), token(r)), row("push_template", id));
                }),
                // chat files (issue 19): the uploader's own; anyone else's is 404 until a conversation shares it
                rule(
                        "POST /api/v1/files",
                        201,
                        ORG,
                        anyone(),
                        (r, x) -> write(chatFileUpload(token(r), false), count("chat_file"))),
                rule(
                        "GET /api/v1/files/{id}",
                        200,
                        PERSONAL,
                        own(),
                        (r, x) -> read(as(get("/api/v1/files/" + chatFile(r, x)), token(r)))),
                rule(
                        "GET /api/v1/files/{id}/thumbnail",
                        200,
                        PERSONAL,
                        own(),
                        (r, x) -> read(as(get("/api/v1/files/" + chatFile(r, x) + "/thumbnail"), token(r)))),
                rule("GET /api/v1/organization", 200, ORG, anyone(), (r, x) -> read("/api/v1/organization", r)),
                // the body keeps the current value, so that masking stays on for the reveal cases
                rule(
                        "PATCH /api/v1/organization",
                        200,
                        ORG,
                        adminRole(),
                        (r, x) -> write(
                                json(patch("/api/v1/organization"), token(r), "{\"maskContactDetails\":true}"),
                                row("organization", org.id()))),
                rule(
                        "POST /api/v1/orgs",
                        201,
                        ORG,
                        systemAdministrator(),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/orgs"),
                                        token(r),
                                        "{\"name\":\"" + key()
                                                + "\",\"adminLogin\":\"boss\",\"adminPassword\":\"0123456789abc\"}"),
                                () -> jdbc.sql("SELECT count(*)::text FROM organization")
                                        .query(String.class)
                                        .single())),
                // sync by external id (issue 22, part sync)
                rule(
                        "GET /api/v1/contacts/by-external-id/{source}/{externalId}",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> read(as(get(ADDRESS + synced(cached(r, x))), token(r)))),
                rule("PUT /api/v1/contacts/by-external-id/{source}/{externalId}", 200, CONTACT, upsert(), (r, x) -> {
                    Target c = fresh(r, x, "");
                    return write(
                            json(
                                    put(ADDRESS + synced(c)),
                                    token(r),
                                    "{\"name\":\"Matrix sync\",\"remark\":\"matrix\"}"),
                            c);
                }),
                rule(
                        "POST /api/v1/contacts/sync",
                        200,
                        ORG,
                        permission("contact.create"),
                        (r, x) -> write(
                                post("/api/v1/contacts/sync")
                                        .header("Authorization", "Bearer " + token(r))
                                        .contentType("application/x-ndjson")
                                        .content("{\"source\":\"matrix\",\"externalId\":\"" + key()
                                                + "\",\"name\":\"Matrix sync\"}\n"),
                                () -> jdbc.sql("SELECT count(*)::text FROM contact")
                                        .query(String.class)
                                        .single())),
                // the change feed (issue 22, part feed): every member reads what they may see
                rule("GET /api/v1/changes", 200, ORG, anyone(), (r, x) -> read("/api/v1/changes", r)),
                // hooks: outbound webhooks (issue 22), integration.manage checked before the id
                rule(
                        "GET /api/v1/webhooks",
                        200,
                        ORG,
                        permission("integration.manage"),
                        (r, x) -> read("/api/v1/webhooks", r)),
                rule(
                        "POST /api/v1/webhooks",
                        201,
                        ORG,
                        permission("integration.manage"),
                        (r, x) -> write(json(post("/api/v1/webhooks"), token(r), WEBHOOK), count("webhook_endpoint"))),
                rule(
                        "GET /api/v1/webhooks/{id}",
                        200,
                        BY_ID,
                        permission("integration.manage"),
                        (r, x) -> read("/api/v1/webhooks/" + webhookFor(x), r)),
                rule("PATCH /api/v1/webhooks/{id}", 200, BY_ID, permission("integration.manage"), (r, x) -> {
                    String id = webhookFor(x);
                    return write(
                            json(patch("/api/v1/webhooks/" + id), token(r), "{\"description\":\"" + key() + "\"}"),
                            row("webhook_endpoint", id));
                }),
                rule("DELETE /api/v1/webhooks/{id}", 204, BY_ID, permission("integration.manage"), (r, x) -> {
                    String id = newWebhook(x);
                    return write(as(delete("/api/v1/webhooks/" + id), token(r)), row("webhook_endpoint", id));
                }),
                rule(
                        "POST /api/v1/webhooks/{id}/rotate-secret",
                        200,
                        BY_ID,
                        permission("integration.manage"),
                        (r, x) -> {
                            String id = webhookFor(x);
                            return write(
                                    as(post("/api/v1/webhooks/" + id + "/rotate-secret"), token(r)),
                                    row("webhook_endpoint", id));
                        }),
                rule(
                        "GET /api/v1/webhooks/{id}/deliveries",
                        200,
                        BY_ID,
                        permission("integration.manage"),
                        (r, x) -> read("/api/v1/webhooks/" + webhookFor(x) + "/deliveries", r)),
                rule(
                        "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                        202,
                        BY_ID,
                        permission("integration.manage"),
                        (r, x) -> {
                            String id = webhookFor(x);
                            String delivery = webhookDelivery(x, id);
                            return write(
                                    as(
                                            post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver"),
                                            token(r)),
                                    () -> jdbc.sql("SELECT count(*)::text FROM delivery WHERE redelivery_of = ?")
                                            .param(UUID.fromString(delivery))
                                            .query(String.class)
                                            .single());
                        }),
                // review duplicates (issue 23, part dupes): a pair is seen when both contacts are, dismissed by
                // whoever may edit both
                rule(
                        "GET /api/v1/review/duplicates",
                        200,
                        ORG,
                        anyone(),
                        (r, x) -> read("/api/v1/review/duplicates", r)),
                rule("POST /api/v1/review/duplicates/{id}/dismiss", 204, CONTACT, contact(edit), (r, x) -> {
                    String id = duplicatePair(fresh(r, x, ""), fresh(r, x, ""));
                    return write(
                            as(post("/api/v1/review/duplicates/" + id + "/dismiss"), token(r)),
                            row("review_duplicate", id));
                }),
                // campaigns (issue 23): the administrator's campaign, in which every actor follows a contact
                rule("GET /api/v1/review/campaigns", 200, ORG, anyone(), (r, x) -> read("/api/v1/review/campaigns", r)),
                rule(
                        "POST /api/v1/review/campaigns",
                        201,
                        ORG,
                        permission("review.campaign"),
                        (r, x) -> write(
                                json(post("/api/v1/review/campaigns"), token(r), campaignBody()),
                                count("review_campaign"))),
                rule(
                        "GET /api/v1/review/campaigns/{id}",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/review/campaigns/" + campaignFor(x), r)),
                rule(
                        "GET /api/v1/review/campaigns/{id}/items",
                        200,
                        BY_ID,
                        anyone(),
                        (r, x) -> read("/api/v1/review/campaigns/" + campaignFor(x) + "/items", r)),
                rule("PATCH /api/v1/review/campaigns/{id}/items", 200, BY_ID, anyone(), (r, x) -> {
                    String id = campaignFor(x);
                    String item = campaignItem(r, x, id);
                    return write(
                            json(
                                    patch("/api/v1/review/campaigns/" + id + "/items"),
                                    token(r),
                                    "{\"items\":[{\"itemId\":\"" + item + "\",\"action\":\"confirm\"}]}"),
                            row("review_campaign_item", item));
                }),
                rule("POST /api/v1/review/campaigns/{id}/close", 200, BY_ID, administrator(), (r, x) -> {
                    String id = newCampaign(x);
                    return write(
                            as(post("/api/v1/review/campaigns/" + id + "/close"), token(r)),
                            row("review_campaign", id));
                }),
                // review hand-over (issue 23, part handover): review.handover checked before the id
                rule(
                        "POST /api/v1/members/{id}/hand-over",
                        202,
                        BY_ID,
                        permission("review.handover"),
                        (r, x) -> write(
                                json(
                                        post("/api/v1/members/" + (x == OTHER_ORG ? otherOwner.id() : newMember(false))
                                                + "/hand-over"),
                                        token(r),
                                        "{\"toMemberId\":\"" + org.adminId() + "\",\"include\":[\"tasks\"]}"),
                                count("review_handover"))),
                rule(
                        "GET /api/v1/hand-overs/{id}",
                        200,
                        BY_ID,
                        permission("review.handover"),
                        (r, x) -> read("/api/v1/hand-overs/" + handOverFor(x), r)),
                // the figures rebuilt (issue 24, part figures): analytics.rebuild, the actor's organization only;
                // a stray figure row shows whether the rebuild ran
                rule("POST /api/v1/analytics/rebuild", 200, ORG, permission("analytics.rebuild"), (r, x) -> {
                    jdbc.sql("""
                                    INSERT INTO analytics_member_day (org_id, metric, day, member_id, value)
                                    VALUES (?::uuid, 'contacts.new', DATE '2001-01-01', ?::uuid, 1) ON CONFLICT DO NOTHING
                                    """).params(org.id(), org.adminId()).update();
                    return write(as(post("/api/v1/analytics/rebuild"), token(r)), count("analytics_member_day"));
                }),
                // the trash purged now (issue 23, part handover): contact.purge checked first, then the contact
                rule("DELETE /api/v1/trash/contacts/{id}", 204, CONTACT, purge(), (r, x) -> {
                    Target c = trashed(fresh(r, x, ""));
                    return write(as(delete("/api/v1/trash/contacts/" + c.id()), token(r)), c);
                }),
                rule(
                        "DELETE /api/v1/trash/contacts",
                        200,
                        ORG,
                        permission("contact.purge"),
                        (r, x) -> write(as(delete("/api/v1/trash/contacts"), token(r)), count("contact"))),
                // review: merge (issue 23): editing the survivor and deleting the merged contact
                rule("POST /api/v1/contacts/merge", 201, CONTACT, contact(remove), (r, x) -> {
                    Target survivor = fresh(r, OWNER, "");
                    Target merged = fresh(r, x, "");
                    return write(json(post("/api/v1/contacts/merge"), token(r), mergeBody(survivor, merged)), merged);
                }),
                rule("GET /api/v1/merges", 200, ORG, anyone(), (r, x) -> read("/api/v1/merges", r)),
                rule(
                        "GET /api/v1/merges/{id}",
                        200,
                        CONTACT,
                        contact(see),
                        (r, x) -> read("/api/v1/merges/" + mergeFor(r, x), r)),
                rule("POST /api/v1/merges/{id}/undo", 200, CONTACT, contact(edit, remove), (r, x) -> {
                    String id = mergeFor(r, x);
                    return write(as(post("/api/v1/merges/" + id + "/undo"), token(r)), row("contact_merge", id));
                }),
                // review findings (issue 23, part findings): every member reads the findings on the contacts
                // they see, and may have the organization checked now
                rule("GET /api/v1/review/findings", 200, ORG, anyone(), (r, x) -> read("/api/v1/review/findings", r)),
                rule(
                        "POST /api/v1/review/findings/check",
                        202,
                        ORG,
                        anyone(),
                        (r, x) -> write(as(post("/api/v1/review/findings/check"), token(r)), count("review_check"))),
                // analytics (issue 24, part reports): everyone lists the figures and reads their own; another
                // member's as far as the data scope covers them, else not found as if there were none
                rule("GET /api/v1/analytics", 200, ORG, anyone(), (r, x) -> read("/api/v1/analytics", r)),
                rule(
                        "GET /api/v1/analytics/{metric}",
                        200,
                        TASK,
                        figures(),
                        (r, x) -> read("/api/v1/analytics/contacts.new?memberId=" + figuresOf(r, x), r)),
                // the workbench (issue 24): every member reads their own, within their data scope
                rule("GET /api/v1/workbench", 200, ORG, anyone(), (r, x) -> read("/api/v1/workbench", r)));
    }

    /** The member whose figures are read: the actor, or a member of the relation's department. */
    String figuresOf(Role role, Relation relation) {
        return switch (relation) {
            case SELF -> actors.get(role).id();
            case SAME_DEPARTMENT -> salesOwner.id();
            case SUB_DEPARTMENT -> eastOwner.id();
            case UNRELATED -> hqOwner.id();
            default -> otherOwner.id();
        };
    }

    // review duplicates (issue 23, part dupes): an open pair of two contacts, as a detection run stores it
    String duplicatePair(Target a, Target b) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO review_duplicate (org_id, id, contact_a, contact_b, score, exact, evidence, cluster_key)
                        SELECT org_id, ?, least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid), 95, true, '[]',
                               least(?::uuid, ?::uuid)
                          FROM contact WHERE id = ?::uuid
                        """)
                .params(id, a.id(), b.id(), a.id(), b.id(), a.id(), b.id(), a.id())
                .update();
        return id.toString();
    }

    // campaigns (issue 23): one kept per organization, started by its administrator over every contact
    final Map<Relation, String> campaigns = new EnumMap<>(Relation.class);

    String campaignFor(Relation relation) throws Exception {
        String id = campaigns.get(relation);
        if (id == null) {
            id = newCampaign(relation);
            campaigns.put(relation, id);
        }
        return id;
    }

    /** A new campaign of the administrator's, with a contact for each actor (another organization's: one contact). */
    String newCampaign(Relation relation) throws Exception {
        if (relation == OTHER_ORG) {
            id(json(post("/api/v1/contacts"), other.adminToken(), "{\"name\":\"" + key() + "\"}"));
            return id(json(post("/api/v1/review/campaigns"), other.adminToken(), campaignBody()));
        }
        for (Api.Person actor : actors.values()) {
            id(json(
                    post("/api/v1/contacts"),
                    org.adminToken(),
                    "{\"name\":\"" + key() + "\",\"ownerId\":\"" + actor.id() + "\"}"));
        }
        return id(json(post("/api/v1/review/campaigns"), org.adminToken(), campaignBody()));
    }

    /** An item of the campaign whose contact the actor follows (any item of another organization's). */
    String campaignItem(Role role, Relation relation, String campaign) {
        return jdbc.sql("""
                        SELECT i.id::text FROM review_campaign_item i
                          JOIN contact c ON c.org_id = i.org_id AND c.id = i.contact_id
                         WHERE i.campaign_id = ?::uuid AND (? OR c.owner_id = ?::uuid) LIMIT 1
                        """)
                .params(campaign, relation == OTHER_ORG, actors.get(role).id())
                .query(String.class)
                .single();
    }

    static String campaignBody() {
        return "{\"name\":\"矩阵整理\",\"filter\":{},\"deadline\":\""
                + java.time.OffsetDateTime.now().plusDays(30) + "\"}";
    }

    // review hand-over: one hand-over row per organization, of a member to another
    final Map<Relation, String> handOvers = new EnumMap<>(Relation.class);

    String handOverFor(Relation relation) {
        return handOvers.computeIfAbsent(relation, x -> {
            Api.Org owner = x == OTHER_ORG ? other : org;
            String from = x == OTHER_ORG ? otherOwner.id() : spareMember;
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            INSERT INTO review_handover (org_id, id, from_member, to_member, created_by, include, language)
                            VALUES (?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, '{tasks}', 'en')
                            """)
                    .params(owner.id(), id, from, owner.adminId(), owner.adminId())
                    .update();
            return id.toString();
        });
    }

    // review: merge (issue 23)

    static String mergeBody(Target survivor, Target merged) {
        return "{\"survivorId\":\"" + survivor.id() + "\",\"mergedIds\":[\"" + merged.id() + "\"]}";
    }

    /** A merge by the organization's administrator of two contacts so related to the actor. */
    String mergeFor(Role role, Relation relation) throws Exception {
        Target survivor = fresh(role, relation, "");
        Target merged = fresh(role, relation, "");
        String admin = relation == OTHER_ORG ? other.adminToken() : org.adminToken();
        return JsonPath.read(
                perform(json(post("/api/v1/contacts/merge"), admin, mergeBody(survivor, merged)), 201), "$.mergeId");
    }

    // hooks: the webhook endpoints of the matrix, one kept per organization (an organization may have 20)
    static final String WEBHOOK = "{\"url\":\"https://crm.example.com/hook\",\"eventTypes\":[\"contact.created\"]}";
    final Map<Relation, String> webhooks = new EnumMap<>(Relation.class);

    String webhookFor(Relation relation) throws Exception {
        String id = webhooks.get(relation);
        if (id == null) {
            id = newWebhook(relation);
            webhooks.put(relation, id);
        }
        return id;
    }

    String newWebhook(Relation relation) throws Exception {
        return id(json(post("/api/v1/webhooks"), (relation == OTHER_ORG ? other : org).adminToken(), WEBHOOK));
    }

    /** A delivery that went to the endpoint's channel. */
    String webhookDelivery(Relation relation, String endpoint) {
        String orgId = relation == OTHER_ORG ? other.id() : org.id();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, origin_id, message, state,
                                              attempts, message_id, ended_at)
                        SELECT org_id, ?, channel_id, 'webhook', 'integration', id,
                               '{"title":"contact.created","text":"contact.created","json":"{}"}', 'sent', 1,
                               'msg_matrix', now()
                          FROM webhook_endpoint WHERE org_id = ?::uuid AND id = ?::uuid
                        """).params(id, orgId, endpoint).update();
        return id.toString();
    }

    // ------------------------------------------------------------------------------------------
    // The matrix
    // ------------------------------------------------------------------------------------------

    /** Every method and path under /api/v1 that Spring MVC maps, as "METHOD /path". */
    Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/v1")) {
                    continue;
                }
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + path);
                }
                methods.forEach(m -> endpoints.add(m.name() + " " + path));
            }
        });
        return endpoints;
    }

    @Test
    void everyEndpointHasARuleAndEveryRuleAnEndpoint() {
        Set<String> ruled = rules().stream().map(Rule::endpoint).collect(Collectors.toCollection(TreeSet::new));
        Set<String> mapped = endpoints();
        assertThat(mapped).as("endpoints").isNotEmpty();
        assertThat(ruled)
                .as("every /api/v1 endpoint needs a rule in the authorization matrix")
                .containsAll(mapped);
        assertThat(mapped).as("rules for endpoints that no longer exist").containsAll(ruled);
    }

    @TestFactory
    Stream<DynamicNode> matrix() throws Exception {
        everyEndpointHasARuleAndEveryRuleAnEndpoint();
        fixture();
        List<DynamicNode> endpoints = new ArrayList<>();
        int cases = 0;
        for (Rule rule : rules()) {
            List<DynamicTest> tests = new ArrayList<>();
            for (Role role : Role.values()) {
                for (Relation relation : rule.relations()) {
                    int expected = rule.expected(role, relation);
                    String name = rule.label() + " · " + role + " · " + relation.label + " → " + expected;
                    tests.add(DynamicTest.dynamicTest(name, () -> check(name, rule, role, relation, expected)));
                }
            }
            cases += tests.size();
            endpoints.add(DynamicContainer.dynamicContainer(rule.label(), tests));
        }
        System.out.println(
                "Authorization matrix: " + cases + " cases over " + endpoints().size() + " endpoints");
        return endpoints.stream();
    }

    void check(String name, Rule rule, Role role, Relation relation, int expected) throws Exception {
        Call call = rule.driver().prepare(role, relation);
        String before = call.state().call();
        MvcResult result = mvc.perform(call.request()).andReturn();
        String body = result.getResponse().getContentAsString();
        int status = result.getResponse().getStatus();
        if (call.batch() && status == 200) {
            String outcome = JsonPath.read(body, "$.results[0].status");
            status = switch (outcome) {
                case "ok" -> 200;
                case "forbidden" -> 403;
                case "not_found" -> 404;
                default -> -1;
            };
        }
        assertThat(status).as("%s: %s", name, body).isEqualTo(expected);
        if (status >= 400) {
            assertThat(call.state().call())
                    .as("%s: a refused request changes nothing", name)
                    .isEqualTo(before);
        }
    }

    // ------------------------------------------------------------------------------------------
    // The fixture
    // ------------------------------------------------------------------------------------------

    static final String FOLLOW_UP = "{\"type\":\"call\",\"content\":\"matrix call\"}";

    Api api;
    Api.Org org;
    Api.Org other;
    String hq;
    String sales;
    String east;
    String readOnlyRole;
    final Map<Role, Api.Person> actors = new EnumMap<>(Role.class);
    Api.Person hqOwner;
    Api.Person salesOwner;
    Api.Person eastOwner;
    Api.Person heir;
    Api.Person otherOwner;
    String otherHeir;
    String otherInactive;
    String group;
    String tag;
    String field;
    String spareDept;
    String spareRole;
    String spareMember;
    String otherGroup;
    String otherTag;
    String otherField;
    String otherDept;
    String otherRole;
    final Map<String, Target> cache = new HashMap<>();

    void fixture() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        other = api.newOrg();
        hq = api.newDepartment(org, "HQ", null);
        sales = api.newDepartment(org, "Sales", hq);
        east = api.newDepartment(org, "Sales East", sales);
        spareDept = api.newDepartment(org, "Spare", hq);
        readOnlyRole = api.newRole(org, "Read only", "DEPT_TREE");
        spareRole = api.newRole(org, "Spare", "SELF");
        for (Role role : Role.values()) {
            actors.put(role, api.newMember(org, roleKey(role), sales));
        }
        hqOwner = api.newMember(org, "MEMBER", hq);
        salesOwner = api.newMember(org, "MEMBER", sales);
        eastOwner = api.newMember(org, "MEMBER", east);
        heir = api.newMember(org, "MEMBER", hq);
        spareMember = newMember(false);
        group = newGroup();
        tag = newTag();
        field = newField();

        otherDept = api.newDepartment(other, "Other", null);
        otherOwner = api.newMember(other, "MEMBER", otherDept);
        otherHeir = other.adminId();
        otherRole = api.newRole(other, "Other", "SELF");
        otherGroup = id(json(post("/api/v1/tag-groups"), other.adminToken(), groupBody()));
        otherTag = id(json(post("/api/v1/tag-groups/" + otherGroup + "/tags"), other.adminToken(), named()));
        otherField = id(json(
                post("/api/v1/custom-fields"),
                other.adminToken(),
                "{\"key\":\"" + key() + "\",\"label\":\"Other\",\"type\":\"text\"}"));
        otherInactive = id(json(post("/api/v1/members"), other.adminToken(), newMemberBody("MEMBER")));
        perform(as(post("/api/v1/members/" + otherInactive + "/deactivate"), other.adminToken()), 200);
    }

    String roleKey(Role role) {
        return role == READ_ONLY ? readOnlyRole : role.name();
    }

    String token(Role role) {
        return actors.get(role).token();
    }

    static String pick(Relation relation, String mine, String theirs) {
        return relation == OTHER_ORG ? theirs : mine;
    }

    /** A contact so related to the actor of {@code role}; {@code tag} is one of its organization's tags. */
    record Target(String id, Api.Person owner, String tag) {
        String url() {
            return "/api/v1/contacts/" + id;
        }
    }

    Api.Person ownerFor(Role role, Relation relation) {
        return switch (relation) {
            case OWNER -> actors.get(role);
            case SAME_DEPARTMENT -> salesOwner;
            case SUB_DEPARTMENT -> eastOwner;
            case OTHER_ORG -> otherOwner;
            default -> hqOwner;
        };
    }

    String heir(Relation relation) {
        return relation == OTHER_ORG ? otherHeir : heir.id();
    }

    /** A new contact so related to the actor of {@code role}, for a case that may change it. */
    Target fresh(Role role, Relation relation, String options) throws Exception {
        String actor = actors.get(role).id();
        Api.Person owner = ownerFor(role, relation);
        String recordTag = relation == OTHER_ORG ? otherTag : tag;
        String links = switch (relation) {
            case COLLABORATOR -> ",\"collaboratorIds\":[\"" + actor + "\"]";
            case READ_SHARE -> ",\"shareUserIds\":[\"" + actor + "\"]";
            case DEPARTMENT_SHARE -> ",\"shareDeptIds\":[\"" + sales + "\"]";
            default -> "";
        };
        String tags = options.equals("tagged") ? ",\"tagIds\":[\"" + recordTag + "\"]" : "";
        String body = "{\"name\":\"" + Api.unique("Matrix") + "\",\"mobile\":\"138"
                + (10_000_000 + ThreadLocalRandom.current().nextInt(90_000_000)) + "\","
                + "\"emails\":[{\"label\":\"work\",\"address\":\"" + key()
                + "@example.com\"}],\"allowDuplicate\":true,\"ownerId\":\""
                + owner.id()
                + "\"" + links + tags + "}";
        String creator = relation == OTHER_ORG ? other.adminToken() : org.adminToken();
        return new Target(id(json(post("/api/v1/contacts"), creator, body)), owner, recordTag);
    }

    /** A contact so related to the actor, shared by the cases that only read. */
    Target cached(Role role, Relation relation) throws Exception {
        String key = role + "/" + relation;
        Target record = cache.get(key);
        if (record == null) {
            record = fresh(role, relation, "");
            cache.put(key, record);
        }
        return record;
    }

    Target trashed(Target record) throws Exception {
        String admin = record.owner() == otherOwner ? other.adminToken() : org.adminToken();
        perform(as(delete(record.url()), admin), 204);
        return record;
    }

    static final String ADDRESS = "/api/v1/contacts/by-external-id/";

    /** The contact's external id in source {@code matrix}, given by its organization's administrator: "matrix/<id>". */
    String synced(Target record) throws Exception {
        String admin = record.owner() == otherOwner ? other.adminToken() : org.adminToken();
        String externalId = "M-" + record.id();
        perform(json(patch(record.url()), admin, "{\"externalIds\":{\"matrix\":\"" + externalId + "\"}}"), 200);
        return "matrix/" + externalId;
    }

    /** The contact, opted out of pushes by its organization's administrator. */
    Target optedOut(Target record) throws Exception {
        String admin = record.owner() == otherOwner ? other.adminToken() : org.adminToken();
        perform(as(put(record.url() + "/push-opt-out"), admin), 204);
        return record;
    }

    /** The contact's opt-out of pushes, if any. */
    Callable<String> optOut(Target record) {
        return () -> jdbc.sql(
                        "SELECT coalesce((SELECT row_to_json(t)::text FROM push_opt_out t WHERE t.contact_id = ?),"
                                + " 'none')")
                .param(UUID.fromString(record.id()))
                .query(String.class)
                .single();
    }

    String followUp(Target record) throws Exception {
        return id(json(post(record.url() + "/follow-ups"), record.owner().token(), FOLLOW_UP));
    }

    Call readContact(Role role, Relation relation, String suffix) throws Exception {
        return read(as(get(cached(role, relation).url() + suffix), token(role)));
    }

    Call read(String url, Role role) {
        return read(as(get(url), token(role)));
    }

    static Call read(RequestBuilder request) {
        return new Call(request, () -> "", false);
    }

    Call write(MockHttpServletRequestBuilder request, Target contact) {
        return new Call(request, () -> contactState(contact.id()), false);
    }

    static Call write(RequestBuilder request, Callable<String> state) {
        return new Call(request, state, false);
    }

    Call batch(Role role, Target contact, String fields) {
        return new Call(
                json(
                        post("/api/v1/contacts/batch"),
                        token(role),
                        "{" + fields + ",\"contactIds\":[\"" + contact.id() + "\"]}"),
                () -> contactState(contact.id()),
                true);
    }

    Call createContactCall(Role role, Relation relation) {
        String owner = ownerFor(role, relation).id();
        return write(
                json(
                        post("/api/v1/contacts"),
                        token(role),
                        "{\"name\":\"" + Api.unique("New") + "\",\"ownerId\":\"" + owner + "\"}"),
                () -> jdbc.sql("SELECT count(*)::text FROM contact")
                        .query(String.class)
                        .single());
    }

    /** Everything a contact is made of, so that a refused write can be seen to have changed nothing. */
    String contactState(String id) {
        StringBuilder state = new StringBuilder(
                jdbc.sql("SELECT coalesce((SELECT row_to_json(c)::text FROM contact c WHERE c.id = ?), 'gone')")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single());
        for (String table : List.of(
                "contact_email",
                "contact_external_id",
                "contact_share_member",
                "contact_share_department",
                "contact_collaborator",
                "contact_tag",
                "follow_up",
                "contact_timeline")) {
            state.append('\n')
                    .append(table)
                    .append(": ")
                    .append(jdbc.sql("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '') FROM " + table
                                    + " t WHERE t.contact_id = ?")
                            .param(UUID.fromString(id))
                            .query(String.class)
                            .single());
        }
        return state.toString();
    }

    static String robotBody(boolean personal) {
        return "{\"name\":\"" + Api.unique("Robot") + "\",\"kind\":\"dingtalk\","
                + "\"url\":\"https://robot.example.invalid/send?access_token=t\",\"secret\":\"SECmatrix\","
                + "\"personal\":" + personal + "}";
    }

    /**
     * A channel so related to the actor: SELF their own personal robot, SAME_ORG the organization's,
     * UNRELATED another member's personal robot, OTHER_ORG another organization's.
     */
    String channelFor(Role role, Relation relation) throws Exception {
        return switch (relation) {
            case SELF -> id(json(post("/api/v1/channels"), token(role), robotBody(true)));
            case SAME_ORG -> id(json(post("/api/v1/channels"), org.adminToken(), robotBody(false)));
            case OTHER_ORG -> id(json(post("/api/v1/channels"), other.adminToken(), robotBody(false)));
            default -> id(json(post("/api/v1/channels"), salesOwner.token(), robotBody(true)));
        };
    }

    /** A failed delivery to a channel so related to the actor. */
    String failedDelivery(Role role, Relation relation) throws Exception {
        String channel = channelFor(role, relation);
        String orgId = relation == OTHER_ORG ? other.id() : org.id();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, message, state, attempts,
                                              reason, ended_at)
                        VALUES (?::uuid, ?, ?::uuid, 'dingtalk', 'matrix', '{"title":"t","text":"x"}', 'failed', 1,
                                'platform refused', now())
                        """).params(orgId, id, channel).update();
        return id.toString();
    }

    Callable<String> row(String table, String id) {
        return () -> jdbc.sql(
                        "SELECT coalesce((SELECT row_to_json(t)::text FROM " + table + " t WHERE t.id = ?), 'gone')")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    /** A push of the administrator's (another organization's for OTHER_ORG), in {@code state}, due tomorrow. */
    String pushFor(Relation relation, String state) throws Exception {
        Api.Org owner = relation == OTHER_ORG ? other : org;
        String id = id(json(post("/api/v1/pushes"), owner.adminToken(), pushBody()));
        jdbc.sql("UPDATE push SET state = ? WHERE id = ?")
                .params(state, UUID.fromString(id))
                .update();
        return id;
    }

    static String pushBody() {
        return """
                {"name":"矩阵群发","content":{"subject":"你好","body":"新品到了"},"audience":{"filter":{}},
                 "scheduledAt":"%s"}
                """.formatted(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
    }

    static final String PREVIEW_BODY =
            "{\"audience\":{\"filter\":{}},\"content\":{\"subject\":\"{{name}}\",\"body\":\"Hello\"}}";

    static final String PUSH_SETTINGS =
            "{\"perDay\":1,\"perMonth\":4,\"approvalOver\":null,\"quietHours\":null,\"maxRecipients\":1000000}";

    Callable<String> count(String table) {
        return () -> jdbc.sql("SELECT count(*)::text FROM " + table + " WHERE org_id = ?")
                .param(UUID.fromString(org.id()))
                .query(String.class)
                .single();
    }

    String memberFor(Role role, Relation relation) {
        return switch (relation) {
            case SELF -> actors.get(role).id();
            case OTHER_ORG -> otherOwner.id();
            default -> spareMember;
        };
    }

    String newMember(boolean inactive) throws Exception {
        String id = id(json(post("/api/v1/members"), org.adminToken(), newMemberBody("MEMBER")));
        if (inactive) {
            perform(as(post("/api/v1/members/" + id + "/deactivate"), org.adminToken()), 200);
        }
        return id;
    }

    static String newMemberBody(String role) {
        return "{\"login\":\"" + key() + "\",\"displayName\":\"Matrix\",\"role\":\"" + role
                + "\",\"password\":\"matrix password 1\"}";
    }

    String newGroup() throws Exception {
        return id(json(post("/api/v1/tag-groups"), org.adminToken(), groupBody()));
    }

    String newTag() throws Exception {
        return id(json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), named()));
    }

    String newField() throws Exception {
        return id(json(
                post("/api/v1/custom-fields"),
                org.adminToken(),
                "{\"key\":\"" + key() + "\",\"label\":\"Matrix\",\"type\":\"text\"}"));
    }

    /** A one-row CSV upload; mode update needs no permission, so that every role can have a job of its own. */
    static RequestBuilder importUpload(String path, String bearer, String mode) {
        return multipart(path)
                .file(new MockMultipartFile(
                        "file", "matrix.csv", "text/csv", "姓名,手机\n矩阵,13800000000\n".getBytes(StandardCharsets.UTF_8)))
                .param("mode", mode)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }

    /** An import job of the actor (SELF), of a colleague, or of another organization's member. */
    String job(Role role, Relation relation) throws Exception {
        String bearer = switch (relation) {
            case SELF -> token(role);
            case SAME_ORG -> salesOwner.token();
            default -> otherOwner.token();
        };
        String body = mvc.perform(importUpload("/api/v1/imports", bearer, "update"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    /** A queued export of the actor (SELF), of a colleague, or of another organization's member. */
    String export(Role role, Relation relation) {
        UUID id = UUID.randomUUID();
        Api.Person owner = switch (relation) {
            case SELF -> actors.get(role);
            case SAME_ORG -> salesOwner;
            default -> otherOwner;
        };
        Api.Org in = relation == OTHER_ORG ? other : org;
        jdbc.sql("INSERT INTO export_job (id, org_id, created_by, format, settings) VALUES (?, ?, ?, 'csv', ?::jsonb)")
                .params(
                        id,
                        UUID.fromString(in.id()),
                        UUID.fromString(owner.id()),
                        "{\"filter\":{},\"contactIds\":[],\"vcardVersion\":\"3.0\",\"language\":\"zh-CN\"}")
                .update();
        return id.toString();
    }

    /** An unread notification of the actor (SELF), of a colleague, or of another organization's member. */
    String notification(Role role, Relation relation) {
        UUID id = UUID.randomUUID();
        Api.Person recipient = switch (relation) {
            case SELF -> actors.get(role);
            case SAME_ORG -> salesOwner;
            default -> otherOwner;
        };
        jdbc.sql("INSERT INTO notification (org_id, id, member_id, kind, title, body) VALUES (?, ?, ?, 'x', 'M', 'M')")
                .params(
                        UUID.fromString(relation == OTHER_ORG ? other.id() : org.id()),
                        id,
                        UUID.fromString(recipient.id()))
                .update();
        return id.toString();
    }

    /** A chat file upload: a one-pixel PNG (which has a preview), or a line of text. */
    static RequestBuilder chatFileUpload(String bearer, boolean image) {
        byte[] bytes = image
                ? Base64.getDecoder()
                        .decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
                : "matrix\n".getBytes(StandardCharsets.UTF_8);
        return multipart("/api/v1/files")
                .file(new MockMultipartFile(
                        "file", image ? "matrix.png" : "matrix.txt", "application/octet-stream", bytes))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
    }

    /** An image uploaded by the actor (SELF), by a colleague, or by another organization's member. */
    String chatFile(Role role, Relation relation) throws Exception {
        String bearer = switch (relation) {
            case SELF -> token(role);
            case SAME_ORG -> salesOwner.token();
            default -> otherOwner.token();
        };
        String body = mvc.perform(chatFileUpload(bearer, true))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String newToken(String bearer) throws Exception {
        return id(json(post("/api/v1/tokens"), bearer, "{\"name\":\"matrix\"}"));
    }

    static String groupBody() {
        return "{\"name\":\"" + key() + "\",\"color\":\"#1E88E5\"}";
    }

    static String templateBody() {
        return "{\"name\":\"" + key() + "\",\"subject\":\"{{name|朋友}}\",\"body\":\"你好 {{company}}\"}";
    }

    static final String TASK_BODY = "{\"title\":\"回电话\",\"checklist\":[{\"text\":\"报价\"}]}";

    static String contactCadence(Target contact) {
        return "{\"contactId\":\"" + contact.id() + "\",\"everyDays\":14}";
    }

    static String tagCadence(String tagId) {
        return "{\"tagId\":\"" + tagId + "\",\"everyDays\":14}";
    }

    /** A cadence of the contact, set by its organization's administrator. */
    String cadenceFor(Target contact) throws Exception {
        String admin = contact.owner() == otherOwner ? other.adminToken() : org.adminToken();
        return id(json(post("/api/v1/cadences"), admin, contactCadence(contact)));
    }

    /** A cadence of a new tag of the organization's, or of the other organization's tag (made once). */
    String tagCadenceFor(Relation relation) throws Exception {
        if (relation != OTHER_ORG) {
            return id(json(post("/api/v1/cadences"), org.adminToken(), tagCadence(newTag())));
        }
        if (otherTagCadence == null) {
            otherTagCadence = id(json(post("/api/v1/cadences"), other.adminToken(), tagCadence(otherTag)));
        }
        return otherTagCadence;
    }

    String otherTagCadence;

    /** The cadences of the contact or the tag {@code id}, in any organization. */
    Callable<String> cadenceOf(String id) {
        return () -> jdbc.sql("SELECT coalesce(json_agg(k ORDER BY k.id)::text, 'none') FROM cadence k"
                        + " WHERE k.contact_id = ?::uuid OR k.tag_id = ?::uuid")
                .params(id, id)
                .query(String.class)
                .single();
    }

    /** A task made by the actor ({@code SELF}) or by the member of the relation's department. */
    String taskFor(Role role, Relation relation) throws Exception {
        String bearer = switch (relation) {
            case SELF -> token(role);
            case SAME_DEPARTMENT -> salesOwner.token();
            case SUB_DEPARTMENT -> eastOwner.token();
            case UNRELATED -> hqOwner.token();
            default -> otherOwner.token();
        };
        return id(json(post("/api/v1/tasks"), bearer, TASK_BODY));
    }

    static final String EVENT_BODY =
            "{\"title\":\"拜访\",\"startAt\":\"2026-12-08T02:00:00Z\",\"endAt\":\"2026-12-08T03:00:00Z\"}";

    /** An event made by the actor ({@code SELF}) or by the member of the relation's department. */
    String eventFor(Role role, Relation relation) throws Exception {
        String bearer = switch (relation) {
            case SELF -> token(role);
            case SAME_DEPARTMENT -> salesOwner.token();
            case SUB_DEPARTMENT -> eastOwner.token();
            case UNRELATED -> hqOwner.token();
            default -> otherOwner.token();
        };
        return id(json(post("/api/v1/events"), bearer, EVENT_BODY));
    }

    /** A new template of the organization, or of the other one. */
    String templateFor(Relation relation) throws Exception {
        String bearer = relation == OTHER_ORG ? other.adminToken() : org.adminToken();
        return id(json(post("/api/v1/push-templates"), bearer, templateBody()));
    }

    static String named() {
        return "{\"name\":\"" + key() + "\"}";
    }

    /** A unique lower-case name that also fits a custom field's key. */
    static String key() {
        return "m" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 50), 36);
    }

    /**
     * A group so related to the actor: OWNER theirs (with salesOwner and heir in it), COLLABORATOR
     * salesOwner's with them and heir as plain members, UNRELATED salesOwner's without them,
     * OTHER_ORG another organization's.
     */
    String conversationFor(Role role, Relation relation) throws Exception {
        return conversationFor(role, relation, "internal");
    }

    /** The same, of this kind ({@code internal} or {@code external}). */
    String conversationFor(Role role, Relation relation, String kind) throws Exception {
        String body = "{\"kind\":\"" + kind + "\",\"name\":\"矩阵\",\"memberIds\":[%s]}";
        return switch (relation) {
            case OWNER ->
                id(json(
                        post("/api/v1/conversations"),
                        token(role),
                        body.formatted("\"" + salesOwner.id() + "\",\"" + heir.id() + "\"")));
            case COLLABORATOR ->
                id(json(
                        post("/api/v1/conversations"),
                        salesOwner.token(),
                        body.formatted("\"" + actors.get(role).id() + "\",\"" + heir.id() + "\"")));
            case OTHER_ORG -> id(json(post("/api/v1/conversations"), otherOwner.token(), body.formatted("")));
            default ->
                id(json(post("/api/v1/conversations"), salesOwner.token(), body.formatted("\"" + heir.id() + "\"")));
        };
    }

    /** A plain member of the group {@link #conversationFor} made, other than the actor. */
    String thirdFor(Relation relation) {
        return relation == OTHER_ORG ? otherOwner.id() : heir.id();
    }

    /** A message in the group, by its owner: the actor for OWNER, else the group's creator. */
    String messageFor(Relation relation, String conversationId) throws Exception {
        String owner = relation == OTHER_ORG ? other.id() : org.id();
        UUID author = jdbc.sql("SELECT owner_id FROM conversation WHERE org_id = ?::uuid AND id = ?::uuid")
                .params(owner, conversationId)
                .query(UUID.class)
                .single();
        UUID id = UUID.randomUUID();
        jdbc.sql("UPDATE conversation SET last_seq = last_seq + 1 WHERE id = ?::uuid")
                .param(conversationId)
                .update();
        jdbc.sql("""
                        INSERT INTO chat_message (org_id, conversation_id, id, seq, author_id, author_kind, text, html)
                        SELECT org_id, id, ?, last_seq, ?, 'member', 'm', '<p>m</p>' FROM conversation WHERE id = ?::uuid
                        """).params(id, author, conversationId).update();
        return id.toString();
    }

    /** A contact of the organization owned by the member, which they see whatever their role's scope. */
    String contactOf(String orgId, String ownerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact (id, org_id, name, name_sort, owner_id, created_by)"
                        + " VALUES (?, ?::uuid, '矩阵客户', 'juzhenkehu', ?::uuid, ?::uuid)")
                .params(id, orgId, ownerId, ownerId)
                .update();
        return id.toString();
    }

    /** An invitation into the group by its owner (the actor for OWNER), of a contact the owner owns. */
    String invitationIn(Role role, Relation relation, String conversationId) throws Exception {
        String orgId = relation == OTHER_ORG ? other.id() : org.id();
        String ownerToken =
                relation == OTHER_ORG ? otherOwner.token() : relation == OWNER ? token(role) : salesOwner.token();
        String owner = jdbc.sql("SELECT owner_id::text FROM conversation WHERE id = ?::uuid")
                .param(conversationId)
                .query(String.class)
                .single();
        return id(json(
                post("/api/v1/conversations/" + conversationId + "/invitations"),
                ownerToken,
                "{\"contactId\":\"" + contactOf(orgId, owner) + "\"}"));
    }

    /** A group's invitations, to see that a refused invitation made none. */
    Callable<String> invitations(String conversationId) {
        return () -> jdbc.sql("SELECT count(*)::text FROM guest_invitation WHERE scope_id = ?::uuid")
                .param(conversationId)
                .query(String.class)
                .single();
    }

    /** A conversation's row, its participants and its messages, to see that a refused change changed nothing. */
    Callable<String> chat(String id) {
        return () -> jdbc.sql("""
                        SELECT (SELECT row_to_json(c)::text FROM conversation c WHERE c.id = ?::uuid)
                               || (SELECT coalesce(string_agg(row_to_json(p)::text, ',' ORDER BY p.id), '')
                                     FROM conversation_participant p WHERE p.conversation_id = ?::uuid)
                               || (SELECT count(*)::text FROM chat_message m WHERE m.conversation_id = ?::uuid)
                        """).params(id, id, id).query(String.class).single();
    }

    String id(MockHttpServletRequestBuilder request) throws Exception {
        return JsonPath.read(perform(request, 201), "$.id");
    }

    String perform(MockHttpServletRequestBuilder request, int expected) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }
}
