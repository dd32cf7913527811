package io.liaison.review;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.review.finding.FindingRun;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Findings respect visibility: a member sees those on the contacts they see (their own and those shared
 * with them), a manager those of their department tree, an administrator all, through the API, the
 * dashboard and the workbench's counts alike; a contact in the trash drops out. "Check now" checks the
 * asking member's organization only, and says when it finished.
 */
@LiaisonIntegrationTest
class FindingVisibilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    FindingRun run;

    @Autowired
    ReviewFindings reviewFindings;

    @Autowired
    @Qualifier("reviewFindingsTask")
    RecurringTask<Void> nightly;

    @Autowired
    @Qualifier("reviewFindingsCheckTask")
    OneTimeTask<Void> check;

    @Test
    void aMemberSeesFindingsOnTheContactsTheySeeAndAManagerThoseOfTheirTree() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String sales = api.newDepartment(org, "销售部", null);
        String east = api.newDepartment(org, "华东组", sales);
        String support = api.newDepartment(org, "客服部", null);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person eastMember = api.newMember(org, "MEMBER", east);
        Api.Person other = api.newMember(org, "MEMBER", support);
        String own = contact(api, eastMember, "{\"name\":\"东组的客户\"}");
        String othersOwn = contact(api, other, "{\"name\":\"客服的客户\"}");
        String shared =
                contact(api, other, "{\"name\":\"共享给东组\",\"shareUserIds\":[\"%s\"]}".formatted(eastMember.id()));
        String managers = contact(api, manager, "{\"name\":\"经理的客户\"}");
        String trashed = contact(api, eastMember, "{\"name\":\"已删除的客户\"}");
        api.answer(Api.as(delete("/api/v1/contacts/" + trashed), eastMember.token()), 204);

        run.run(UUID.fromString(org.id()));

        assertThat(names(api, eastMember.token())).containsExactlyInAnyOrder("东组的客户", "共享给东组");
        assertThat(names(api, manager.token())).containsExactlyInAnyOrder("东组的客户", "经理的客户");
        assertThat(names(api, other.token())).containsExactlyInAnyOrder("客服的客户", "共享给东组");
        assertThat(names(api, org.adminToken())).containsExactlyInAnyOrder("东组的客户", "客服的客户", "共享给东组", "经理的客户");
        assertThat(reviewFindings.openCounts(actor(eastMember.id())))
                .containsEntry("incomplete", 2L)
                .containsEntry("stale", 0L);
        assertThat(reviewFindings.openCounts(actor(org.adminId()))).containsEntry("incomplete", 4L);

        String page = page(get("/review").param("kind", "incomplete"), actor(eastMember.id()), "zh-CN");
        assertThat(page)
                .contains("整理", "信息不全", "东组的客户", "共享给东组", "没有公司、电话号码和邮箱", "/contacts/" + own)
                .doesNotContain("客服的客户", "经理的客户", "已删除的客户", othersOwn, managers);
        assertThat(page(get("/review").param("kind", "incomplete"), actor(manager.id()), "en"))
                .contains("Incomplete", "东组的客户", "经理的客户", "No company, no phone number and no e-mail")
                .doesNotContain("客服的客户", "共享给东组", shared);
    }

    @Test
    void theNightlyJobChecksEachOrganizationOnItsOwnAndCheckNowSaysWhenTheLatestFinished() throws Exception {
        Api api = new Api(mvc);
        Api.Org first = api.newOrg("en");
        Api.Org second = api.newOrg("en");
        Api.Person member = api.newMember(first, "MEMBER");
        contact(api, member, "{\"name\":\"First Org Contact\"}");
        String secondContact =
                api.createdId(json(post("/api/v1/contacts"), second.adminToken(), "{\"name\":\"Second Org Contact\"}"));
        SchedulerClient client = Mockito.mock(SchedulerClient.class);

        nightly.execute(
                new TaskInstance<>("review-findings", "recurring"), new ExecutionContext(null, null, client, null));
        for (Api.Org org : List.of(first, second)) {
            Mockito.verify(client)
                    .scheduleIfNotExists(
                            Mockito.eq(new TaskInstance<Void>("review-findings-check", org.id())),
                            Mockito.any(Instant.class));
        }

        String asked = api.answer(Api.as(post("/api/v1/review/findings/check"), member.token()), 202);
        assertThat(JsonPath.<Object>read(asked, "$.lastFinishedAt"))
                .as("never checked before")
                .isNull();
        check.execute(
                new TaskInstance<>("review-findings-check", first.id()),
                new ExecutionContext(null, null, client, null));

        assertThat(names(api, member.token())).containsExactly("First Org Contact");
        assertThat(names(api, second.adminToken()))
                .as("the other organization's check has not run")
                .isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM review_finding WHERE org_id = ?")
                        .param(UUID.fromString(second.id()))
                        .query(Long.class)
                        .single())
                .isZero();
        String again = api.answer(Api.as(post("/api/v1/review/findings/check"), member.token()), 202);
        assertThat(JsonPath.<String>read(again, "$.lastFinishedAt")).isNotNull();

        check.execute(
                new TaskInstance<>("review-findings-check", second.id()),
                new ExecutionContext(null, null, client, null));
        assertThat(JsonPath.<List<String>>read(
                        api.answer(Api.as(get("/api/v1/review/findings"), second.adminToken()), 200),
                        "$.items[*].contactId"))
                .containsExactly(secondContact);
        assertThat(names(api, member.token())).containsExactly("First Org Contact");

        var redirect = mvc.perform(post("/review/check")
                        .with(authentication(new ActorAuthentication(actor(member.id()))))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(redirect.getStatus()).isEqualTo(302);
        assertThat(page(get("/review"), actor(member.id()), "en")).contains("Last checked", "Check now");
        assertThat(page(get("/review"), actor(member.id()), "zh-CN")).contains("上次检查", "立即检查");
    }

    @Test
    void aBadKindIsRefusedNamingTheField() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        String answer = api.answer(
                Api.as(get("/api/v1/review/findings?kind=old"), org.adminToken())
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[*].field")).containsExactly("kind");
        assertThat(answer).contains("stale, invalid, incomplete, duplicate");
        api.answer(Api.as(get("/api/v1/review/findings?limit=0"), org.adminToken()), 400);
        api.answer(Api.as(get("/api/v1/review/findings?cursor=bm9wZQ"), org.adminToken()), 400);
    }

    @Test
    void theListIsReadAPageAtATimeNewestFirst() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        for (int i = 0; i < 5; i++) {
            api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"Paged " + i + "\"}"));
        }
        run.run(UUID.fromString(org.id()));
        String first = api.answer(Api.as(get("/api/v1/review/findings?limit=3"), org.adminToken()), 200);
        String cursor = JsonPath.read(first, "$.nextCursor");
        String second = api.answer(
                Api.as(get("/api/v1/review/findings").param("limit", "3").param("cursor", cursor), org.adminToken()),
                200);
        assertThat(JsonPath.<String>read(second, "$.nextCursor")).isNull();
        List<String> all = new java.util.ArrayList<>(JsonPath.<List<String>>read(first, "$.items[*].id"));
        all.addAll(JsonPath.<List<String>>read(second, "$.items[*].id"));
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
    }

    private static String contact(Api api, Api.Person owner, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), owner.token(), body));
    }

    private static List<String> names(Api api, String token) throws Exception {
        return FindingChecksIntegrationTests.names(api.answer(Api.as(get("/api/v1/review/findings"), token), 200));
    }

    private String page(MockHttpServletRequestBuilder request, Actor actor, String language) throws Exception {
        var response = mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
