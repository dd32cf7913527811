package io.liaison.access;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A contact followed by one member of 销售部 and shared with a colleague of another department:
 * the colleague sees its mobile, phones and e-mails masked everywhere; its follower sees them in full.
 */
@LiaisonIntegrationTest
class MaskingIntegrationTests {

    static final String MASKED_MOBILE = "+86 138****8000";
    static final String MASKED_EMAIL = "z***@example.cn";

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;
    Api.Person owner;
    Api.Person colleague;
    String sales;
    String id;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        sales = api.newDepartment(org, "销售部", null);
        owner = api.newMember(org, "MEMBER", sales);
        colleague = api.newMember(org, "MEMBER");
        id = JsonPath.read(
                mvc.perform(json(
                                post("/api/v1/contacts"),
                                owner.token(),
                                "{\"name\":\"张三\",\"mobile\":\"13812348000\",\"emails\":[{\"address\":"
                                        + "\"zhang.san@example.cn\"}],\"phones\":[{\"label\":\"office\",\"number\":"
                                        + "\"+861062345678\"}],\"shareUserIds\":[\"" + colleague.id() + "\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void theFollowerSeesDetailsInFullAndEveryoneElseMasked() throws Exception {
        mvc.perform(as(get("/api/v1/contacts/" + id), owner.token()))
                .andExpect(jsonPath("$.mobile").value("+8613812348000"))
                .andExpect(jsonPath("$.emails[0].address").value("zhang.san@example.cn"))
                .andExpect(jsonPath("$.masked").value(false));
        mvc.perform(as(get("/api/v1/contacts/" + id), colleague.token()))
                .andExpect(jsonPath("$.mobile").value(MASKED_MOBILE))
                .andExpect(jsonPath("$.phones[0].number").value("+86 10****5678"))
                .andExpect(jsonPath("$.phones[0].label").value("office"))
                .andExpect(jsonPath("$.emails[0].address").value(MASKED_EMAIL))
                .andExpect(jsonPath("$.masked").value(true));
        mvc.perform(as(get("/api/v1/contacts/" + id), org.adminToken()))
                .andExpect(jsonPath("$.mobile").value(MASKED_MOBILE));
    }

    @Test
    void listsAndSearchResultsAreMaskedToo() throws Exception {
        mvc.perform(as(get("/api/v1/contacts"), colleague.token()))
                .andExpect(jsonPath("$.items[0].mobile").value(MASKED_MOBILE))
                .andExpect(jsonPath("$.items[0].emails[0].address").value(MASKED_EMAIL));
        mvc.perform(as(get("/api/v1/contacts").param("q", "张"), colleague.token()))
                .andExpect(jsonPath("$.items[0].mobile").value(MASKED_MOBILE));
    }

    @Test
    void aMaskedViewerFindsTheContactByTheCompleteNumberOrAddressButNeverByAFragment() throws Exception {
        for (String fragment : List.of("1381234", "8000", "2348000", "zhang.san@", "zhang.san@example")) {
            assertThat(found(colleague, fragment)).as(fragment).isEmpty();
            assertThat(found(owner, fragment)).as(fragment).containsExactly("张三");
        }
        for (String complete : List.of("13812348000", "+86 138 1234 8000", "zhang.san@example.cn")) {
            assertThat(found(colleague, complete)).as(complete).containsExactly("张三");
        }
        mvc.perform(as(get("/api/v1/contacts/count").param("q", "1381234"), colleague.token()))
                .andExpect(jsonPath("$.count").value(0));
    }

    /**
     * Issue 16: a fragment finds the contact for whoever may see its details in full, on request
     * included (the reveal right); a masked viewer without that right needs the complete number.
     */
    @Test
    void aFragmentFindsTheContactForThoseWhoSeeItsDetailsInFullOrMayRevealThem() throws Exception {
        Api.Person manager = api.newMember(org, "MANAGER");
        mvc.perform(json(
                        patch("/api/v1/contacts/" + id),
                        owner.token(),
                        "{\"shareUserIds\":[\"" + colleague.id() + "\",\"" + manager.id() + "\"]}"))
                .andExpect(status().isOk());
        for (String q : List.of("2348", "1381234", "8000", "zhang.san@")) {
            assertThat(found(org.adminToken(), q)).as("administrator, " + q).containsExactly("张三");
            assertThat(found(owner.token(), q)).as("owner, " + q).containsExactly("张三");
            assertThat(found(manager.token(), q))
                    .as("sharee with the reveal right, " + q)
                    .containsExactly("张三");
            assertThat(found(colleague.token(), q))
                    .as("sharee without it, " + q)
                    .isEmpty();
        }
        assertThat(found(colleague.token(), "13812348000")).containsExactly("张三");
        mvc.perform(as(get("/api/v1/contacts/count").param("q", "2348"), org.adminToken()))
                .andExpect(jsonPath("$.count").value(1));
        mvc.perform(as(get("/api/v1/contacts/count").param("q", "2348"), colleague.token()))
                .andExpect(jsonPath("$.count").value(0));
    }

    @Test
    void timelineChangesOfDetailsAreMaskedForAMaskedViewer() throws Exception {
        mvc.perform(json(patch("/api/v1/contacts/" + id), owner.token(), "{\"mobile\":\"13912345678\"}"))
                .andExpect(status().isOk());

        String mine = timeline(owner);
        String theirs = timeline(colleague);
        assertThat(mine).contains("+8613812348000", "+8613912345678");
        assertThat(theirs).contains(MASKED_MOBILE, "+86 139****5678").doesNotContain("13812348000", "13912345678");
    }

    @Test
    void theAuditLogShowsDetailsMaskedSoThatReadingItIsNoWayAroundAReveal() throws Exception {
        mvc.perform(json(patch("/api/v1/contacts/" + id), owner.token(), "{\"mobile\":\"13912345678\"}"))
                .andExpect(status().isOk());

        mvc.perform(as(get("/api/v1/audit-events").param("action", "contact.updated"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].before.mobile").value(MASKED_MOBILE))
                .andExpect(jsonPath("$.items[0].after.mobile").value("+86 139****5678"));
        mvc.perform(as(get("/api/v1/audit-events").param("action", "contact.created"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].after.emails[0].address").value(MASKED_EMAIL));
    }

    @Test
    void theDuplicateRefusalNamesTheContactButNotItsNumber() throws Exception {
        String answer = mvc.perform(json(
                        post("/api/v1/contacts"),
                        colleague.token(),
                        "{\"name\":\"Zhang\",\"mobile\":\"+86 138 1234 8000\"}"))
                .andExpect(status().isConflict())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("张三").doesNotContain("1381234", "8000\"", "zhang.san");
    }

    @Test
    void revealingNeedsThePermissionAndIsAudited() throws Exception {
        mvc.perform(post("/api/v1/contacts/" + id + "/reveal").header("Authorization", "Bearer " + colleague.token()))
                .andExpect(status().isForbidden());
        Api.Person manager = api.newMember(org, "MANAGER", sales);

        mvc.perform(post("/api/v1/contacts/" + id + "/reveal").header("Authorization", "Bearer " + manager.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mobile").value("+8613812348000"))
                .andExpect(jsonPath("$.phones[0].number").value("+861062345678"))
                .andExpect(jsonPath("$.emails[0].address").value("zhang.san@example.cn"));

        mvc.perform(as(get("/api/v1/audit-events").param("action", "contact.revealed"), org.adminToken()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].actorId").value(manager.id()))
                .andExpect(jsonPath("$.items[0].targetId").value(id))
                .andExpect(jsonPath("$.items[0].after.fields").value(Matchers.contains("mobile", "phones", "emails")))
                .andExpect(jsonPath("$.items[0].at").exists());
    }

    @Test
    void aCollaboratorSavingTheMaskedValuesBackKeepsTheRealOnes() throws Exception {
        mvc.perform(json(
                        patch("/api/v1/contacts/" + id),
                        owner.token(),
                        "{\"collaboratorIds\":[\"" + colleague.id() + "\"]}"))
                .andExpect(status().isOk());

        mvc.perform(json(
                        patch("/api/v1/contacts/" + id),
                        colleague.token(),
                        "{\"name\":\"张三丰\",\"mobile\":\"" + MASKED_MOBILE + "\",\"emails\":[{\"address\":\""
                                + MASKED_EMAIL + "\"}],\"phones\":[{\"label\":\"office\",\"number\":"
                                + "\"+86 10****5678\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("张三丰"));

        mvc.perform(as(get("/api/v1/contacts/" + id), owner.token()))
                .andExpect(jsonPath("$.mobile").value("+8613812348000"))
                .andExpect(jsonPath("$.phones[0].number").value("+861062345678"))
                .andExpect(jsonPath("$.emails[0].address").value("zhang.san@example.cn"));
    }

    @Test
    void anAdministratorTurnsMaskingOffAndTheChangeIsAudited() throws Exception {
        mvc.perform(json(patch("/api/v1/organization"), colleague.token(), "{\"maskContactDetails\":false}"))
                .andExpect(status().isForbidden());

        mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"maskContactDetails\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maskContactDetails").value(false));

        mvc.perform(as(get("/api/v1/contacts/" + id), colleague.token()))
                .andExpect(jsonPath("$.mobile").value("+8613812348000"))
                .andExpect(jsonPath("$.masked").value(false));
        assertThat(found(colleague, "1381234")).containsExactly("张三");
        mvc.perform(as(get("/api/v1/audit-events").param("action", "organization.settings-changed"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].before.maskContactDetails").value(true))
                .andExpect(jsonPath("$.items[0].after.maskContactDetails").value(false));
    }

    private List<String> found(Api.Person who, String q) throws Exception {
        return found(who.token(), q);
    }

    private List<String> found(String token, String q) throws Exception {
        return JsonPath.read(
                mvc.perform(as(get("/api/v1/contacts").param("q", q), token))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[*].name");
    }

    private String timeline(Api.Person who) throws Exception {
        return mvc.perform(as(get("/api/v1/contacts/" + id + "/timeline"), who.token()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
