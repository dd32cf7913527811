package io.liaison.contact;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A member's contacts most recently in touch, for the workbench: their own live ones only, the latest
 * first, each with its latest follow-up's type and opening words.
 */
@LiaisonIntegrationTest
class RecentContactsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RecentContacts recent;

    @Autowired
    MemberService members;

    @Test
    void theMembersOwnLiveContactsLatestInTouchFirstWithTheirLatestFollowUp() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        String older = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"周杰\"}"));
        String newer = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"吴敏\"}"));
        String trashed = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"郑爽\"}"));
        api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"冯刚\"}"));
        String bobs = api.createdId(json(post("/api/v1/contacts"), bob.token(), "{\"name\":\"陈晨\"}"));
        followUp(api, ann, older, "visit", "2026-12-01T10:00:00+08:00", "上门拜访，带了样品");
        followUp(api, ann, newer, "call", "2026-12-02T10:00:00+08:00", "电话确认了交期");
        followUp(api, ann, trashed, "note", "2026-12-03T10:00:00+08:00", "已删除的联系人");
        followUp(api, bob, bobs, "note", "2026-12-04T10:00:00+08:00", "别人的联系人");
        api.answer(Api.as(delete("/api/v1/contacts/" + trashed), ann.token()), 204);
        Actor reader = members.actor(UUID.fromString(ann.id())).orElseThrow();

        assertThat(recent.ofMember(reader, 5))
                .extracting(
                        RecentContacts.Recent::name,
                        RecentContacts.Recent::followUpType,
                        RecentContacts.Recent::followUpSnippet)
                .as("never contacted, trashed and others' contacts are left out")
                .containsExactly(tuple("吴敏", "call", "电话确认了交期"), tuple("周杰", "visit", "上门拜访，带了样品"));
        assertThat(recent.ofMember(reader, 1))
                .extracting(RecentContacts.Recent::contactId)
                .containsExactly(UUID.fromString(newer));
    }

    private static void followUp(Api api, Api.Person author, String contact, String type, String at, String text)
            throws Exception {
        api.createdId(json(
                post("/api/v1/contacts/" + contact + "/follow-ups"), author.token(), """
                {"type":"%s","occurredAt":"%s","content":"%s"}""".formatted(type, at, text)));
    }
}
