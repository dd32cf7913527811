package io.liaison.access;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.review.finding.FindingRun;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Organizations are tenants: an administrator of one, who may do everything in it, gets 404 for every
 * id of another organization, on every endpoint that takes one, and changes nothing there; ids of
 * another organization inside a body (tags, custom-field keys, members, departments, roles) are
 * refused with a 400 naming the field, and change nothing.
 */
@LiaisonIntegrationTest
class CrossOrganizationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FindingRun findingRun;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    Api api;
    Api.Org acme;
    Api.Org globex;
    String admin;

    // acme's own records
    String acmeContact;
    String acmeMember;
    String acmeDept;

    // globex's records, the ids acme's administrator tries
    String contact;
    String trashed;
    String merge;
    String followUp;
    String tag;
    String group;
    String field;
    String fieldKey;
    String dept;
    String member;
    String inactive;
    String role;
    String token;
    String importJob;
    String exportJob;
    String channel;
    String delivery;
    String webhook;
    String webhookDelivery;
    String campaign;
    String campaignItem;
    String handOver;
    String notification;
    String chatFile;
    String pushTemplate;
    String task;
    String cadence;
    String event;
    String conversation;
    String message;
    String external;
    String invitation;
    String push;
    // review duplicates (issue 23, part dupes)
    String duplicate;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        acme = api.newOrg();
        globex = api.newOrg();
        admin = acme.adminToken();
        String g = globex.adminToken();

        acmeDept = api.newDepartment(acme, "Acme Sales", null);
        acmeMember = api.newMember(acme, "MEMBER", acmeDept).id();
        acmeContact = api.createdId(json(post("/api/v1/contacts"), admin, "{\"name\":\"Acme contact\"}"));

        dept = api.newDepartment(globex, "Globex Sales", null);
        Api.Person globexMember = api.newMember(globex, "MEMBER", dept);
        member = globexMember.id();
        role = api.newRole(globex, "Globex role", "SELF");
        group = api.createdId(json(post("/api/v1/tag-groups"), g, "{\"name\":\"Globex\",\"color\":\"#1E88E5\"}"));
        tag = api.createdId(json(post("/api/v1/tag-groups/" + group + "/tags"), g, "{\"name\":\"VIP\"}"));
        fieldKey = "globex_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        field = api.createdId(json(
                post("/api/v1/custom-fields"),
                g,
                "{\"key\":\"" + fieldKey + "\",\"label\":\"Globex\",\"type\":\"text\"}"));
        contact = api.createdId(json(
                post("/api/v1/contacts"),
                g,
                "{\"name\":\"Globex contact\",\"mobile\":\"13900139000\",\"tagIds\":[\"" + tag
                        + "\"],\"shareUserIds\":[\"" + member + "\"],\"externalIds\":{\"crm\":\"G-1\"}}"));
        followUp = api.createdId(json(
                post("/api/v1/contacts/" + contact + "/follow-ups"), g, "{\"type\":\"note\",\"content\":\"Globex\"}"));
        // opted out, so that a leaked opt-in would show
        api.answer(as(put("/api/v1/contacts/" + contact + "/push-opt-out"), g), 204);
        trashed = api.createdId(json(post("/api/v1/contacts"), g, "{\"name\":\"Globex trashed\"}"));
        String survivor = api.createdId(json(post("/api/v1/contacts"), g, "{\"name\":\"Globex survivor\"}"));
        String merged = api.createdId(json(post("/api/v1/contacts"), g, "{\"name\":\"Globex merged\"}"));
        merge = JsonPath.read(
                api.answer(
                        json(
                                post("/api/v1/contacts/merge"),
                                g,
                                "{\"survivorId\":\"" + survivor + "\",\"mergedIds\":[\"" + merged + "\"]}"),
                        201),
                "$.mergeId");
        api.answer(as(delete("/api/v1/contacts/" + trashed), g), 204);
        inactive = api.createdId(json(
                post("/api/v1/members"),
                g,
                "{\"login\":\"gone\",\"displayName\":\"Gone\",\"password\":\"0123456789abc\"}"));
        api.answer(as(post("/api/v1/members/" + inactive + "/deactivate"), g), 200);
        token = api.createdId(json(post("/api/v1/tokens"), globexMember.token(), "{\"name\":\"globex\"}"));
        String upload = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file",
                                "globex.csv",
                                "text/csv",
                                "name\nGlobex row\n".getBytes(StandardCharsets.UTF_8)))
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + g))
                .andReturn()
                .getResponse()
                .getContentAsString();
        importJob = JsonPath.read(upload, "$.id");
        exportJob = JsonPath.read(api.answer(json(post("/api/v1/exports"), g, "{\"format\":\"csv\"}"), 202), "$.id");
        channel = api.createdId(json(
                post("/api/v1/channels"),
                g,
                "{\"name\":\"Globex robot\",\"kind\":\"dingtalk\",\"url\":\"https://robot.example.invalid/send\"}"));
        pushTemplate = api.createdId(json(
                post("/api/v1/push-templates"),
                g,
                "{\"name\":\"Globex offer\",\"subject\":\"{{name}}\",\"body\":\"Globex {{company}}\"}"));
        task = api.createdId(json(post("/api/v1/tasks"), g, "{\"title\":\"Globex follow-up\"}"));
        cadence = api.createdId(json(post("/api/v1/cadences"), g, "{\"tagId\":\"" + tag + "\",\"everyDays\":14}"));
        event = api.createdId(json(post("/api/v1/events"), g, """
                {"title":"Globex visit","startAt":"2026-12-08T02:00:00Z","endAt":"2026-12-08T03:00:00Z"}
                """));
        delivery = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, message, state, attempts, ended_at)
                        VALUES (?::uuid, ?::uuid, ?::uuid, 'dingtalk', 'test', '{"title":"Globex","text":"x"}', 'failed',
                                1, now())
                        """).params(globex.id(), delivery, channel).update();
        campaign = api.createdId(json(post("/api/v1/review/campaigns"), g, """
                {"name":"Globex review","filter":{},"deadline":"%s"}
                """.formatted(
                        java.time.OffsetDateTime.now().plusDays(30))));
        campaignItem = jdbc.sql("SELECT id::text FROM review_campaign_item WHERE campaign_id = ?::uuid LIMIT 1")
                .param(campaign)
                .query(String.class)
                .single();
        webhook = api.createdId(json(
                post("/api/v1/webhooks"),
                g,
                "{\"url\":\"https://globex.example.invalid/hook\",\"eventTypes\":[\"contact.created\"]}"));
        webhookDelivery = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO delivery (org_id, id, channel_id, kind, origin_module, message, state, attempts,
                                              message_id, ended_at)
                        SELECT org_id, ?::uuid, channel_id, 'webhook', 'integration', '{"title":"Globex","text":"x"}',
                               'sent', 1, 'msg_globex', now()
                          FROM webhook_endpoint WHERE org_id = ?::uuid AND id = ?::uuid
                        """).params(webhookDelivery, globex.id(), webhook).update();
        // review hand-over (issue 23, part handover): a hand-over of globex's member to its administrator
        handOver = JsonPath.read(
                api.answer(
                        json(
                                post("/api/v1/members/" + member + "/hand-over"),
                                g,
                                "{\"toMemberId\":\"" + globex.adminId() + "\",\"include\":[\"tasks\"]}"),
                        202),
                "$.id");
        notification = UUID.randomUUID().toString();
        jdbc.sql(
                        "INSERT INTO notification (org_id, id, member_id, kind, title, body) VALUES (?, ?, ?, 'x', 'Globex', 'Globex')")
                .params(UUID.fromString(globex.id()), UUID.fromString(notification), UUID.fromString(member))
                .update();
        chatFile = JsonPath.read(
                mvc.perform(AuthorizationMatrixIntegrationTests.chatFileUpload(g, true))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        conversation = api.createdId(json(
                post("/api/v1/conversations"),
                g,
                "{\"kind\":\"internal\",\"name\":\"Globex group\",\"memberIds\":[\"" + member + "\"]}"));
        message = api.createdId(
                json(post("/api/v1/conversations/" + conversation + "/messages"), g, "{\"text\":\"Globex secret\"}"));
        external = api.createdId(json(
                post("/api/v1/conversations"),
                g,
                "{\"kind\":\"external\",\"name\":\"Globex customers\",\"contactIds\":[\"" + contact + "\"]}"));
        invitation = api.createdId(json(
                post("/api/v1/conversations/" + external + "/invitations"), g, "{\"contactId\":\"" + contact + "\"}"));
        push = api.createdId(json(post("/api/v1/pushes"), g, AuthorizationMatrixIntegrationTests.pushBody()));
        // review duplicates (issue 23, part dupes): a pair of globex's contacts with one number
        String copy = api.createdId(json(
                post("/api/v1/contacts"),
                g,
                "{\"name\":\"Globex copy\",\"mobile\":\"13900139000\",\"allowDuplicate\":true}"));
        duplicate = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO review_duplicate (org_id, id, contact_a, contact_b, score, exact, evidence, cluster_key)
                        VALUES (?::uuid, ?::uuid, least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid), 95, true, '[]',
                                least(?::uuid, ?::uuid))
                        """)
                .params(globex.id(), duplicate, contact, copy, contact, copy, contact, copy)
                .update();
    }

    /** Each endpoint with an id in its path, called by acme's administrator with globex's ids. */
    Map<String, MockHttpServletRequestBuilder> byId() {
        String c = "/api/v1/contacts/" + contact;
        Map<String, MockHttpServletRequestBuilder> calls = new LinkedHashMap<>();
        calls.put("GET /api/v1/contacts/{id}", as(get(c), admin));
        calls.put("PATCH /api/v1/contacts/{id}", json(patch(c), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/contacts/{id}", as(delete(c), admin));
        calls.put("POST /api/v1/contacts/{id}/restore", as(post("/api/v1/contacts/" + trashed + "/restore"), admin));
        calls.put("POST /api/v1/contacts/{id}/reveal", as(post(c + "/reveal"), admin));
        calls.put("GET /api/v1/contacts/{id}/timeline", as(get(c + "/timeline"), admin));
        calls.put("PUT /api/v1/contacts/{id}/tags", json(put(c + "/tags"), admin, "{\"tagIds\":[]}"));
        calls.put("POST /api/v1/contacts/{id}/tags", json(post(c + "/tags"), admin, "{\"tagIds\":[]}"));
        calls.put("DELETE /api/v1/contacts/{id}/tags", as(delete(c + "/tags").param("tagId", tag), admin));
        calls.put("GET /api/v1/contacts/{id}/push-opt-out", as(get(c + "/push-opt-out"), admin));
        calls.put("GET /api/v1/contacts/{id}/engagement", as(get(c + "/engagement"), admin));
        calls.put("PUT /api/v1/contacts/{id}/push-opt-out", as(put(c + "/push-opt-out"), admin));
        calls.put("DELETE /api/v1/contacts/{id}/push-opt-out", as(delete(c + "/push-opt-out"), admin));
        calls.put("GET /api/v1/contacts/{contactId}/follow-ups", as(get(c + "/follow-ups"), admin));
        calls.put(
                "POST /api/v1/contacts/{contactId}/follow-ups",
                json(post(c + "/follow-ups"), admin, "{\"type\":\"note\",\"content\":\"Taken\"}"));
        calls.put(
                "PATCH /api/v1/contacts/{contactId}/follow-ups/{id}",
                json(patch(c + "/follow-ups/" + followUp), admin, "{\"content\":\"Taken\"}"));
        calls.put(
                "DELETE /api/v1/contacts/{contactId}/follow-ups/{id}",
                as(delete(c + "/follow-ups/" + followUp), admin));
        calls.put("GET /api/v1/custom-fields/{id}", as(get("/api/v1/custom-fields/" + field), admin));
        calls.put(
                "PATCH /api/v1/custom-fields/{id}",
                json(patch("/api/v1/custom-fields/" + field), admin, "{\"label\":\"Taken\"}"));
        calls.put("DELETE /api/v1/custom-fields/{id}", as(delete("/api/v1/custom-fields/" + field), admin));
        calls.put("GET /api/v1/tags/{id}", as(get("/api/v1/tags/" + tag), admin));
        calls.put("PATCH /api/v1/tags/{id}", json(patch("/api/v1/tags/" + tag), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/tags/{id}", as(delete("/api/v1/tags/" + tag), admin));
        calls.put("GET /api/v1/tag-groups/{id}", as(get("/api/v1/tag-groups/" + group), admin));
        calls.put(
                "PATCH /api/v1/tag-groups/{id}",
                json(patch("/api/v1/tag-groups/" + group), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/tag-groups/{id}", as(delete("/api/v1/tag-groups/" + group), admin));
        calls.put(
                "POST /api/v1/tag-groups/{id}/tags",
                json(post("/api/v1/tag-groups/" + group + "/tags"), admin, "{\"name\":\"Planted\"}"));
        calls.put("GET /api/v1/departments/{id}", as(get("/api/v1/departments/" + dept), admin));
        calls.put(
                "PATCH /api/v1/departments/{id}",
                json(patch("/api/v1/departments/" + dept), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/departments/{id}", as(delete("/api/v1/departments/" + dept), admin));
        calls.put("GET /api/v1/members/{id}", as(get("/api/v1/members/" + member), admin));
        calls.put(
                "PATCH /api/v1/members/{id}",
                json(patch("/api/v1/members/" + member), admin, "{\"displayName\":\"Taken\",\"role\":\"ADMIN\"}"));
        calls.put("POST /api/v1/members/{id}/deactivate", as(post("/api/v1/members/" + member + "/deactivate"), admin));
        calls.put("POST /api/v1/members/{id}/activate", as(post("/api/v1/members/" + inactive + "/activate"), admin));
        calls.put("GET /api/v1/roles/{id}", as(get("/api/v1/roles/" + role), admin));
        calls.put(
                "PATCH /api/v1/roles/{id}",
                json(patch("/api/v1/roles/" + role), admin, "{\"permissions\":[\"audit.read\"]}"));
        calls.put("DELETE /api/v1/roles/{id}", as(delete("/api/v1/roles/" + role), admin));
        calls.put("DELETE /api/v1/tokens/{id}", as(delete("/api/v1/tokens/" + token), admin));
        calls.put("GET /api/v1/imports/{id}", as(get("/api/v1/imports/" + importJob), admin));
        calls.put("GET /api/v1/imports/{id}/errors", as(get("/api/v1/imports/" + importJob + "/errors"), admin));
        calls.put("POST /api/v1/imports/{id}/cancel", as(post("/api/v1/imports/" + importJob + "/cancel"), admin));
        calls.put("GET /api/v1/exports/{id}", as(get("/api/v1/exports/" + exportJob), admin));
        calls.put("GET /api/v1/exports/{id}/file", as(get("/api/v1/exports/" + exportJob + "/file"), admin));
        String ch = "/api/v1/channels/" + channel;
        calls.put("GET /api/v1/channels/{id}", as(get(ch), admin));
        calls.put("PATCH /api/v1/channels/{id}", json(patch(ch), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/channels/{id}", as(delete(ch), admin));
        calls.put("POST /api/v1/channels/{id}/test", as(post(ch + "/test"), admin));
        String hook = "/api/v1/webhooks/" + webhook;
        calls.put("GET /api/v1/webhooks/{id}", as(get(hook), admin));
        calls.put("PATCH /api/v1/webhooks/{id}", json(patch(hook), admin, "{\"description\":\"Taken\"}"));
        calls.put("DELETE /api/v1/webhooks/{id}", as(delete(hook), admin));
        calls.put("POST /api/v1/webhooks/{id}/rotate-secret", as(post(hook + "/rotate-secret"), admin));
        calls.put("GET /api/v1/webhooks/{id}/deliveries", as(get(hook + "/deliveries"), admin));
        calls.put(
                "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                as(post(hook + "/deliveries/" + webhookDelivery + "/redeliver"), admin));
        calls.put("GET /api/v1/deliveries/{id}", as(get("/api/v1/deliveries/" + delivery), admin));
        calls.put("POST /api/v1/deliveries/{id}/retry", as(post("/api/v1/deliveries/" + delivery + "/retry"), admin));
        calls.put(
                "POST /api/v1/notifications/{id}/read",
                as(post("/api/v1/notifications/" + notification + "/read"), admin));
        calls.put("GET /api/v1/files/{id}", as(get("/api/v1/files/" + chatFile), admin));
        String template = "/api/v1/push-templates/" + pushTemplate;
        calls.put("GET /api/v1/push-templates/{id}", as(get(template), admin));
        calls.put("PATCH /api/v1/push-templates/{id}", json(patch(template), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/push-templates/{id}", as(delete(template), admin));
        calls.put("GET /api/v1/files/{id}/thumbnail", as(get("/api/v1/files/" + chatFile + "/thumbnail"), admin));
        calls.put("GET /api/v1/tasks/{id}", as(get("/api/v1/tasks/" + task), admin));
        calls.put("POST /api/v1/tasks/{id}/complete", as(post("/api/v1/tasks/" + task + "/complete"), admin));
        calls.put(
                "PATCH /api/v1/cadences/{id}", json(patch("/api/v1/cadences/" + cadence), admin, "{\"everyDays\":1}"));
        calls.put("DELETE /api/v1/cadences/{id}", as(delete("/api/v1/cadences/" + cadence), admin));
        calls.put("GET /api/v1/events/{id}", as(get("/api/v1/events/" + event), admin));
        calls.put("PATCH /api/v1/events/{id}", json(patch("/api/v1/events/" + event), admin, "{\"title\":\"Taken\"}"));
        calls.put("DELETE /api/v1/events/{id}", as(delete("/api/v1/events/" + event), admin));
        calls.put("PATCH /api/v1/tasks/{id}", json(patch("/api/v1/tasks/" + task), admin, "{\"title\":\"x\"}"));
        calls.put("DELETE /api/v1/tasks/{id}", as(delete("/api/v1/tasks/" + task), admin));
        calls.put("GET /api/v1/tasks/{id}/comments", as(get("/api/v1/tasks/" + task + "/comments"), admin));
        calls.put(
                "POST /api/v1/tasks/{id}/comments",
                json(post("/api/v1/tasks/" + task + "/comments"), admin, "{\"body\":\"x\"}"));
        String p = "/api/v1/pushes/" + push;
        calls.put("GET /api/v1/pushes/{id}", as(get(p), admin));
        calls.put("GET /api/v1/pushes/{id}/recipients", as(get(p + "/recipients"), admin));
        calls.put("GET /api/v1/pushes/{id}/recipients/export", as(get(p + "/recipients/export"), admin));
        calls.put("POST /api/v1/pushes/{id}/approve", as(post(p + "/approve"), admin));
        calls.put("POST /api/v1/pushes/{id}/cancel", as(post(p + "/cancel"), admin));
        String chat = "/api/v1/conversations/" + conversation;
        calls.put("GET /api/v1/conversations/{id}", as(get(chat), admin));
        calls.put("PATCH /api/v1/conversations/{id}", json(patch(chat), admin, "{\"name\":\"Taken\"}"));
        calls.put("DELETE /api/v1/conversations/{id}", as(delete(chat), admin));
        calls.put("GET /api/v1/conversations/{id}/participants", as(get(chat + "/participants"), admin));
        calls.put(
                "POST /api/v1/conversations/{id}/participants",
                json(post(chat + "/participants"), admin, "{\"memberIds\":[\"" + acmeMember + "\"]}"));
        calls.put(
                "DELETE /api/v1/conversations/{id}/participants",
                as(delete(chat + "/participants?memberId=" + member), admin));
        calls.put(
                "PATCH /api/v1/conversations/{id}/participants",
                json(patch(chat + "/participants?memberId=" + member), admin, "{\"muted\":true}"));
        calls.put("POST /api/v1/conversations/{id}/leave", as(post(chat + "/leave"), admin));
        calls.put(
                "POST /api/v1/conversations/{id}/transfer",
                json(post(chat + "/transfer"), admin, "{\"memberId\":\"" + member + "\"}"));
        calls.put("GET /api/v1/conversations/{id}/messages", as(get(chat + "/messages"), admin));
        calls.put("GET /api/v1/conversations/{id}/export", as(get(chat + "/export"), admin));
        calls.put(
                "POST /api/v1/conversations/{id}/messages", json(post(chat + "/messages"), admin, "{\"text\":\"x\"}"));
        calls.put(
                "PATCH /api/v1/conversations/{id}/messages/{messageId}",
                json(patch(chat + "/messages/" + message), admin, "{\"text\":\"Taken\"}"));
        calls.put(
                "POST /api/v1/conversations/{id}/messages/{messageId}/recall",
                as(post(chat + "/messages/" + message + "/recall"), admin));
        calls.put("POST /api/v1/conversations/{id}/read", json(post(chat + "/read"), admin, "{\"seq\":0}"));
        String invitations = "/api/v1/conversations/" + external + "/invitations";
        calls.put("GET /api/v1/conversations/{id}/invitations", as(get(invitations), admin));
        calls.put(
                "POST /api/v1/conversations/{id}/invitations",
                json(post(invitations), admin, "{\"contactId\":\"" + acmeContact + "\"}"));
        calls.put(
                "DELETE /api/v1/conversations/{id}/invitations/{invitationId}",
                as(delete(invitations + "/" + invitation), admin));
        // campaigns (issue 23, part campaigns)
        String review = "/api/v1/review/campaigns/" + campaign;
        calls.put("GET /api/v1/review/campaigns/{id}", as(get(review), admin));
        calls.put("GET /api/v1/review/campaigns/{id}/items", as(get(review + "/items"), admin));
        calls.put("PATCH /api/v1/review/campaigns/{id}/items", json(patch(review + "/items"), admin, """
                        {"items":[{"itemId":"%s","action":"confirm"}]}
                        """.formatted(
                        campaignItem)));
        calls.put("POST /api/v1/review/campaigns/{id}/close", as(post(review + "/close"), admin));
        // review hand-over and the trash purged now (issue 23, part handover)
        calls.put(
                "POST /api/v1/members/{id}/hand-over",
                json(post("/api/v1/members/" + member + "/hand-over"), admin, "{\"toMemberId\":\"" + member + "\"}"));
        calls.put("GET /api/v1/hand-overs/{id}", as(get("/api/v1/hand-overs/" + handOver), admin));
        calls.put("DELETE /api/v1/trash/contacts/{id}", as(delete("/api/v1/trash/contacts/" + trashed), admin));
        // sync by external id (issue 22, part sync)
        calls.put(
                "GET /api/v1/contacts/by-external-id/{source}/{externalId}",
                as(get("/api/v1/contacts/by-external-id/crm/G-1"), admin));
        // review duplicates (issue 23, part dupes)
        calls.put(
                "POST /api/v1/review/duplicates/{id}/dismiss",
                as(post("/api/v1/review/duplicates/" + duplicate + "/dismiss"), admin));
        // analytics (issue 24, part reports): a figure of another organization's member
        calls.put(
                "GET /api/v1/analytics/{metric}", as(get("/api/v1/analytics/contacts.new?memberId=" + member), admin));
        // review: merge (issue 23)
        calls.put("GET /api/v1/merges/{id}", as(get("/api/v1/merges/" + merge), admin));
        calls.put("POST /api/v1/merges/{id}/undo", as(post("/api/v1/merges/" + merge + "/undo"), admin));
        calls.put(
                "POST /api/v1/contacts/merge",
                json(
                        post("/api/v1/contacts/merge"),
                        admin,
                        "{\"survivorId\":\"" + acmeContact + "\",\"mergedIds\":[\"" + contact + "\"]}"));
        return calls;
    }

    @Test
    void everyEndpointWithAnIdAnswers404ForAnotherOrganizationsIdsAndChangesNothing() throws Exception {
        Map<String, MockHttpServletRequestBuilder> calls = byId();
        Set<String> withIds = new TreeSet<>();
        handlerMapping
                .getHandlerMethods()
                .forEach((info, method) -> info.getPatternValues().stream()
                        .filter(p -> p.startsWith("/api/v1") && p.contains("{"))
                        .forEach(p ->
                                info.getMethodsCondition().getMethods().forEach(m -> withIds.add(m.name() + " " + p))));
        Set<String> tried = new TreeSet<>(calls.keySet());
        tried.addAll(OWN_ORGANIZATION_UPSERTS);
        assertThat(tried).as("every endpoint with an id is tried").containsAll(withIds);

        String before = globexState();
        for (var call : calls.entrySet()) {
            var response = mvc.perform(call.getValue()).andReturn().getResponse();
            assertThat(response.getStatus())
                    .as("%s: %s", call.getKey(), response.getContentAsString())
                    .isEqualTo(404);
            assertThat(response.getContentAsString()).as(call.getKey()).doesNotContain("Globex");
        }
        assertThat(globexState()).as("globex is as it was").isEqualTo(before);
    }

    @Test
    void aFollowUpOfAnotherOrganizationUnderOnesOwnContactIsNotFound() throws Exception {
        String before = globexState();
        String url = "/api/v1/contacts/" + acmeContact + "/follow-ups/" + followUp;
        assertThat(api.answer(json(patch(url), admin, "{\"content\":\"Taken\"}"), 404))
                .doesNotContain("Globex");
        api.answer(as(delete(url), admin), 404);
        assertThat(globexState()).isEqualTo(before);
    }

    @Test
    void aCadenceForAnotherOrganizationsContactOrTagIsNotFoundAndSetsNothing() throws Exception {
        String before = globexState();
        api.answer(json(post("/api/v1/cadences"), admin, "{\"contactId\":\"" + contact + "\",\"everyDays\":7}"), 404);
        api.answer(json(post("/api/v1/cadences"), admin, "{\"tagId\":\"" + tag + "\",\"everyDays\":7}"), 404);
        assertThat(api.answer(as(get("/api/v1/cadences"), admin), 200)).doesNotContain(cadence);
        assertThat(globexState()).isEqualTo(before);
    }

    @Test
    void anotherOrganizationsIdsInAContactBodyAre400NamingTheFieldAndChangeNothing() throws Exception {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("tagIds", "\"tagIds\":[\"" + tag + "\"]");
        references.put("customFields." + fieldKey, "\"customFields\":{\"" + fieldKey + "\":\"planted\"}");
        references.put("ownerId", "\"ownerId\":\"" + member + "\"");
        references.put("shareUserIds", "\"shareUserIds\":[\"" + member + "\"]");
        references.put("collaboratorIds", "\"collaboratorIds\":[\"" + member + "\"]");
        references.put("shareDeptIds", "\"shareDeptIds\":[\"" + dept + "\"]");

        String acmeBefore = contactState(acmeContact);
        String globexBefore = globexState();
        long contacts = contactCount();
        for (var reference : references.entrySet()) {
            String field = reference.getKey();
            String create = api.answer(
                    json(post("/api/v1/contacts"), admin, "{\"name\":\"Planted\"," + reference.getValue() + "}"), 400);
            assertThat(fields(create)).as("create with %s", field).contains(field);
            String change = api.answer(
                    json(patch("/api/v1/contacts/" + acmeContact), admin, "{" + reference.getValue() + "}"), 400);
            assertThat(fields(change)).as("change with %s", field).contains(field);
        }
        assertThat(fields(api.answer(
                        json(put("/api/v1/contacts/" + acmeContact + "/tags"), admin, "{\"tagIds\":[\"" + tag + "\"]}"),
                        400)))
                .contains("tagIds");
        assertThat(fields(api.answer(
                        json(
                                post("/api/v1/contacts/" + acmeContact + "/tags"),
                                admin,
                                "{\"tagIds\":[\"" + tag + "\"]}"),
                        400)))
                .contains("tagIds");

        // in a batch, each contact answers "invalid" with the reason
        for (String body : List.of(
                "\"action\":\"tag\",\"tagIds\":[\"" + tag + "\"]",
                "\"action\":\"assign\",\"ownerId\":\"" + member + "\"",
                "\"action\":\"share\",\"shareUserIds\":[\"" + member + "\"]",
                "\"action\":\"share\",\"collaboratorIds\":[\"" + member + "\"]",
                "\"action\":\"share\",\"shareDeptIds\":[\"" + dept + "\"]")) {
            String answer = api.answer(
                    json(
                            post("/api/v1/contacts/batch"),
                            admin,
                            "{" + body + ",\"contactIds\":[\"" + acmeContact + "\"]}"),
                    200);
            assertThat((String) JsonPath.read(answer, "$.results[0].status"))
                    .as(body)
                    .isEqualTo("invalid");
        }
        // and another organization's contact in a batch is not found
        String answer = api.answer(
                json(
                        post("/api/v1/contacts/batch"),
                        admin,
                        "{\"action\":\"delete\",\"contactIds\":[\"" + contact + "\"]}"),
                200);
        assertThat((String) JsonPath.read(answer, "$.results[0].status")).isEqualTo("not_found");

        assertThat(contactState(acmeContact)).isEqualTo(acmeBefore);
        assertThat(contactCount()).isEqualTo(contacts);
        assertThat(globexState()).isEqualTo(globexBefore);
    }

    @Test
    void anotherOrganizationsIdsInOtherBodiesAre400NamingTheFieldAndChangeNothing() throws Exception {
        String acmeBefore = acmeState();
        String globexBefore = globexState();
        assertThat(fields(api.answer(
                        json(
                                post("/api/v1/members"),
                                admin,
                                "{\"login\":\"planted\",\"displayName\":\"Planted\",\"password\":\"0123456789abc\","
                                        + "\"role\":\"" + role + "\"}"),
                        400)))
                .contains("role");
        assertThat(fields(api.answer(
                        json(patch("/api/v1/members/" + acmeMember), admin, "{\"role\":\"" + role + "\"}"), 400)))
                .contains("role");
        assertThat(fields(api.answer(
                        json(patch("/api/v1/members/" + acmeMember), admin, "{\"departmentIds\":[\"" + dept + "\"]}"),
                        400)))
                .contains("departmentIds");
        assertThat(fields(api.answer(
                        json(
                                post("/api/v1/roles"),
                                admin,
                                "{\"name\":\"Planted\",\"dataScope\":\"CUSTOM\",\"deptIds\":[\"" + dept + "\"]}"),
                        400)))
                .contains("deptIds");
        assertThat(fields(api.answer(
                        json(patch("/api/v1/departments/" + acmeDept), admin, "{\"parentId\":\"" + dept + "\"}"), 400)))
                .contains("parentId");
        String acmeGroup =
                api.createdId(json(post("/api/v1/tag-groups"), admin, "{\"name\":\"Acme\",\"color\":\"#1E88E5\"}"));
        String acmeTag =
                api.createdId(json(post("/api/v1/tag-groups/" + acmeGroup + "/tags"), admin, "{\"name\":\"Acme\"}"));
        String beforeMove = acmeState();
        assertThat(fields(api.answer(
                        json(patch("/api/v1/tags/" + acmeTag), admin, "{\"groupId\":\"" + group + "\"}"), 400)))
                .contains("groupId");
        assertThat(acmeState()).isEqualTo(beforeMove);
        assertThat(acmeBefore).isNotEqualTo(beforeMove); // the state covers tags
        assertThat(globexState()).isEqualTo(globexBefore);
    }

    @Test
    void listsFilteredByAnotherOrganizationsIdsFindNothing() throws Exception {
        for (String query : List.of("tagId=" + tag, "ownerId=" + member, "deptId=" + dept)) {
            assertThat((List<?>) JsonPath.read(api.answer(as(get("/api/v1/contacts?" + query), admin), 200), "$.items"))
                    .as(query)
                    .isEmpty();
        }
        assertThat((List<?>) JsonPath.read(
                        api.answer(as(get("/api/v1/audit-events?targetId=" + contact), admin), 200), "$.items"))
                .isEmpty();
        assertThat((List<?>) JsonPath.read(
                        api.answer(as(get("/api/v1/members?departmentId=" + dept), admin), 200), "$.items"))
                .isEmpty();
        assertThat((List<?>) JsonPath.read(
                        api.answer(as(get("/api/v1/deliveries?channelId=" + channel), admin), 200), "$.items"))
                .isEmpty();
    }

    static final List<String> TABLES = List.of(
            "contact",
            "contact_email",
            "contact_share_member",
            "contact_share_department",
            "contact_collaborator",
            "contact_tag",
            "follow_up",
            "contact_timeline",
            "cadence",
            "notification",
            "conversation",
            "conversation_participant",
            "conversation_contact",
            "guest_invitation",
            "chat_message",
            "tag_group",
            "tag",
            "custom_field",
            "department",
            "member",
            "member_department",
            "role",
            "api_token",
            "channel",
            "delivery",
            "webhook_endpoint",
            "push_opt_out",
            "push_consent_change",
            "calendar_event",
            "calendar_event_member",
            "calendar_event_contact",
            "review_finding",
            "review_duplicate",
            "review_not_duplicate",
            "contact_merge",
            "review_campaign",
            "review_campaign_item",
            "review_handover",
            "review_handover_contact",
            "review_stale_rule",
            "analytics_member_day",
            "analytics_contact_day",
            "analytics_conversation_day",
            "analytics_reply",
            "analytics_task_done",
            "analytics_contact_last",
            "analytics_tag_day",
            "analytics_tag_total",
            "analytics_member_set",
            "analytics_member_set_member",
            "analytics_tag_set_day",
            "analytics_set_day",
            "analytics_reply_version",
            "analytics_median");

    String globexState() {
        return orgState(globex.id());
    }

    String acmeState() {
        return orgState(acme.id());
    }

    /** Every row an organization owns, so that "changes nothing" can be checked at once. */
    String orgState(String orgId) {
        StringBuilder state = new StringBuilder(jdbc.sql("SELECT row_to_json(o)::text FROM organization o WHERE id = ?")
                .param(UUID.fromString(orgId))
                .query(String.class)
                .single());
        for (String table : TABLES) {
            state.append('\n')
                    .append(table)
                    .append(": ")
                    .append(jdbc.sql("SELECT coalesce(string_agg(t::text, ',' ORDER BY t::text), '') FROM " + table
                                    + " t WHERE t.org_id = ?")
                            .param(UUID.fromString(orgId))
                            .query(String.class)
                            .single());
        }
        return state.toString();
    }

    String contactState(String id) {
        return jdbc.sql("SELECT row_to_json(c)::text FROM contact c WHERE c.id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single()
                + jdbc.sql("SELECT count(*) FROM contact_timeline WHERE contact_id = ?")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single();
    }

    long contactCount() {
        return jdbc.sql("SELECT count(*) FROM contact WHERE org_id = ?")
                .param(UUID.fromString(acme.id()))
                .query(Long.class)
                .single();
    }

    static List<String> fields(String problem) {
        return JsonPath.read(problem, "$.errors[*].field");
    }

    // sync by external id (issue 22, part sync)

    /**
     * Endpoints addressed by another system's id that create the contact when the caller's
     * organization has none: another organization's id is no id of theirs, so they create their own.
     */
    static final Set<String> OWN_ORGANIZATION_UPSERTS =
            Set.of("PUT /api/v1/contacts/by-external-id/{source}/{externalId}");

    @Test
    void analyticsFilteredByAnotherOrganizationsMemberDepartmentOrTagAreNotFound() throws Exception {
        for (String filter : List.of("memberId=" + member, "deptId=" + dept, "tagId=" + tag)) {
            for (String accept : List.of("application/json", "text/csv")) {
                String answer = api.answer(
                        as(get("/api/v1/analytics/contacts.active?" + filter), admin)
                                .header("Accept", accept),
                        404);
                assertThat(answer).as(filter).doesNotContain("Globex");
            }
        }
    }

    @Test
    void aPutByAnotherOrganizationsExternalIdCreatesTheCallersOwnContactAndLeavesTheirsAlone() throws Exception {
        String before = globexState();
        String created = mvc.perform(
                        json(put("/api/v1/contacts/by-external-id/crm/G-1"), admin, "{\"name\":\"Acme G-1\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(created, "$.name")).as(created).isEqualTo("Acme G-1");
        assertThat(JsonPath.<String>read(created, "$.id")).isNotEqualTo(contact);
        assertThat(created).doesNotContain("Globex");
        assertThat(globexState()).as("globex is as it was").isEqualTo(before);
    }

    // review findings (issue 23, part findings)

    @Test
    void anotherOrganizationsFindingsAreNeverListedAndCheckNowLeavesThemAlone() throws Exception {
        String bare = api.createdId(json(post("/api/v1/contacts"), globex.adminToken(), "{\"name\":\"Globex bare\"}"));
        findingRun.run(UUID.fromString(globex.id()));
        assertThat(api.answer(as(get("/api/v1/review/findings"), globex.adminToken()), 200))
                .as("globex sees its own finding")
                .contains(bare);

        String before = globexState();
        String findings = api.answer(as(get("/api/v1/review/findings?kind=incomplete"), admin), 200);
        assertThat(findings).doesNotContain("Globex").doesNotContain(bare);
        api.answer(as(post("/api/v1/review/findings/check"), admin), 202);
        assertThat(globexState()).as("globex is as it was").isEqualTo(before);
    }
}
