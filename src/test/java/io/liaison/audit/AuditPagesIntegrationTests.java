package io.liaison.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@LiaisonIntegrationTest
class AuditPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    Api api;
    Api.Org org;
    Actor admin;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
        admin = actor(org.adminId());
    }

    @Test
    void anAdministratorBrowsesTheLogWithLabelsNamesAndChanges() throws Exception {
        String dept = api.newDepartment(org, "Sales", null);
        Api.Person member = api.newMember(org, "MEMBER", dept);

        String page = html(get("/audit").header("Accept-Language", "en"), admin);
        assertThat(page)
                .contains("Audit log", "id=\"audit-filter\"", "Department created", "Member created")
                .contains("Member " + member.login())
                .contains("Sales")
                .contains("href=\"/audit\"");

        String zh = html(get("/audit").header("Accept-Language", "zh-CN"), admin);
        assertThat(zh).contains("审计日志", "创建部门", "创建成员");
    }

    /** A new password is recorded only as changed, said in the reader's language like every other text. */
    @Test
    void aChangedPasswordReadsAsChangedInTheReadersLanguage() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(Api.json(patch("/api/v1/members/" + member.id()), org.adminToken(), """
                        {"password":"another long password"}"""))
                .andExpect(status().isOk());
        assertThat(html(get("/audit").header("Accept-Language", "en"), admin)).contains("changed (not shown)");
        assertThat(html(get("/audit").header("Accept-Language", "zh-CN"), admin))
                .contains("已修改（不显示）")
                .doesNotContain(">changed<");
    }

    @Test
    void filtersAndLoadMoreAnswerRowsWithoutTheLayout() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.newDepartment(org, "Dept " + i, null);
        }
        String rows = html(get("/audit").header("HX-Request", "true").param("action", "department.created"), admin);
        assertThat(rows).doesNotContain("<nav").contains("Dept 2", "Dept 0").doesNotContain("Member created");

        String none = html(get("/audit").header("HX-Request", "true").param("from", "2999-01-01"), admin);
        assertThat(none).contains("No events found.");

        mvc.perform(get("/audit")
                        .header("HX-Request", "true")
                        .param("target", "x".repeat(101))
                        .with(as(admin)))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("HX-Retarget", "#toasts"));
    }

    @Test
    void membersNeitherSeeTheLinkNorOpenThePage() throws Exception {
        Actor member = actor(api.newMember(org, "MANAGER").id());
        mvc.perform(get("/audit").with(as(member))).andExpect(status().isForbidden());
        String home = html(get("/members"), member);
        assertThat(home).doesNotContain("href=\"/audit\"");
        assertThat(html(get("/members"), admin)).contains("href=\"/audit\"");
    }

    private String html(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Actor actor)
            throws Exception {
        return mvc.perform(request.with(as(actor)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }

    private static RequestPostProcessor as(Actor actor) {
        return authentication(new ActorAuthentication(actor));
    }
}
