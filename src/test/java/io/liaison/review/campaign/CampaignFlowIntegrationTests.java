package io.liaison.review.campaign;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A campaign from start to summary: a manager starts one over their department tree; both owners in
 * it are told, a member outside it is not; one owner confirms, updates, marks invalid and trashes; a
 * contact handed over follows its new owner; the reminder comes once; the deadline closes it and the
 * starter reads the counts and who did not finish.
 */
@LiaisonIntegrationTest
class CampaignFlowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagersCampaignRunsFromStartToSummary() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String sales = api.newDepartment(org, "销售部", null);
        String east = api.newDepartment(org, "华东组", sales);
        String other = api.newDepartment(org, "财务部", null);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person wang = api.newMember(org, "MEMBER", sales);
        Api.Person li = api.newMember(org, "MEMBER", east);
        Api.Person outsider = api.newMember(org, "MEMBER", other);
        List<String> wangs = List.of(
                contact(api, wang, "张一"), contact(api, wang, "张二"), contact(api, wang, "张三"), contact(api, wang, "张四"));
        List<String> lis = List.of(contact(api, li, "李一"), contact(api, li, "李二"));
        contact(api, outsider, "赵一");
        OffsetDateTime deadline =
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).truncatedTo(ChronoUnit.MINUTES);

        String started =
                api.answer(json(post("/api/v1/review/campaigns"), manager.token(), """
                        {"name":"年底整理","filter":{},"deadline":"%s","note":"请确认联系方式"}
                        """.formatted(deadline)), 201);
        String id = JsonPath.read(started, "$.id");
        assertThat((Integer) JsonPath.read(started, "$.progress.total"))
                .as("the manager's tree only")
                .isEqualTo(6);
        assertThat((List<String>) JsonPath.read(started, "$.members[*].name"))
                .containsExactlyInAnyOrder(name(wang), name(li));
        assertThat(notifications(api, wang)).anySatisfy(body -> assertThat(body).contains("你有 4 位联系人需要在"));
        assertThat(notifications(api, li)).anySatisfy(body -> assertThat(body).contains("你有 2 位联系人需要在"));
        assertThat(notifications(api, outsider))
                .noneSatisfy(body -> assertThat(body).contains("整理"));
        assertThat((List<?>) JsonPath.read(
                        api.answer(as(get("/api/v1/review/campaigns"), outsider.token()), 200), "$.items"))
                .isEmpty();
        api.answer(as(get("/api/v1/review/campaigns/" + id), outsider.token()), 404);

        Map<String, String> items = items(api, wang, id);
        assertThat(items.keySet()).containsExactlyInAnyOrder("张一", "张二", "张三", "张四");
        api.answer(
                json(patch("/api/v1/review/campaigns/" + id + "/items"), wang.token(), """
                        {"items":[{"itemId":"%s","action":"confirm"},{"itemId":"%s","action":"invalid"},
                                  {"itemId":"%s","action":"trash"}]}
                        """.formatted(
                                items.get("张一"), items.get("张三"), items.get("张四"))),
                200);
        api.answer(json(patch("/api/v1/contacts/" + wangs.get(1)), wang.token(), "{\"company\":\"杭州丝绸\"}"), 200);
        api.answer(as(get("/api/v1/contacts/" + wangs.get(3)), wang.token()), 404);
        assertThat(jdbc.sql("SELECT count(*) FROM review_finding WHERE org_id = ? AND contact_id = ?"
                                + " AND reason = 'invalid.marked' AND resolved_at IS NULL")
                        .params(UUID.fromString(org.id()), UUID.fromString(wangs.get(2)))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        String done = api.answer(
                as(get("/api/v1/review/campaigns/" + id + "/items?mine=true&status=done"), wang.token()), 200);
        assertThat((List<String>) JsonPath.read(done, "$.items[*].action"))
                .containsExactlyInAnyOrder("confirm", "update", "invalid", "trash");
        assertThat((List<String>) JsonPath.read(done, "$.items[*].actedByName")).containsOnly(name(wang));

        String lisItem = items(api, li, id).get("李一");
        api.answer(json(patch("/api/v1/review/campaigns/" + id + "/items"), wang.token(), """
                        {"items":[{"itemId":"%s","action":"confirm"}]}
                        """.formatted(lisItem)), 400);
        api.answer(json(patch("/api/v1/contacts/" + lis.get(0)), manager.token(), """
                {"ownerId":"%s"}
                """.formatted(wang.id())), 200);
        assertThat(items(api, wang, id))
                .as("the handed-over contact follows its owner")
                .containsKey("李一");
        assertThat(items(api, li, id)).containsOnlyKeys("李二");

        deadlines.run(UUID.fromString(org.id()), deadline.minusHours(60));
        deadlines.run(UUID.fromString(org.id()), deadline.minusHours(59));
        assertThat(notifications(api, li).stream().filter(b -> b.contains("你还有 1 位联系人")))
                .as("reminded once")
                .hasSize(1);
        assertThat(notifications(api, wang).stream().filter(b -> b.contains("你还有 1 位联系人")))
                .as("the handed-over contact is pending")
                .hasSize(1);

        deadlines.run(UUID.fromString(org.id()), deadline.plusMinutes(1));
        String closed = api.answer(as(get("/api/v1/review/campaigns/" + id), manager.token()), 200);
        assertThat((String) JsonPath.read(closed, "$.status")).isEqualTo("closed");
        assertThat((Integer) JsonPath.read(closed, "$.progress.pending")).isEqualTo(2);
        assertThat(notifications(api, manager))
                .anySatisfy(body -> assertThat(body)
                        .contains("确认 1，更新 1，标记无效 1，移入回收站 1，仍未处理 2")
                        .contains(name(wang))
                        .contains(name(li)));
        String refused = api.answer(
                json(patch("/api/v1/review/campaigns/" + id + "/items"), li.token(), """
                        {"items":[{"itemId":"%s","action":"confirm"}]}
                        """.formatted(
                                        items(api, li, id).get("李二")))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"),
                409);
        assertThat((String) JsonPath.read(refused, "$.title")).isEqualTo("整理活动已结束");
    }

    @Test
    void aContactMovedToTheTrashElsewhereNoLongerWaits() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String sales = api.newDepartment(org, "销售部", null);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person wang = api.newMember(org, "MEMBER", sales);
        contact(api, wang, "王一");
        String gone = contact(api, wang, "王二");
        String id = JsonPath.read(
                api.answer(
                        json(post("/api/v1/review/campaigns"), manager.token(), """
                        {"name":"月度整理","filter":{},"deadline":"%s"}
                        """.formatted(
                                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(3))),
                        201),
                "$.id");

        api.answer(as(delete("/api/v1/contacts/" + gone), wang.token()), 204);

        String done = api.answer(
                as(get("/api/v1/review/campaigns/" + id + "/items?mine=true&status=done"), wang.token()), 200);
        assertThat((List<String>) JsonPath.read(done, "$.items[*].action")).containsExactly("trash");
        assertThat((List<String>) JsonPath.read(done, "$.items[*].actedByName")).containsExactly(name(wang));
        String campaign = api.answer(as(get("/api/v1/review/campaigns/" + id), manager.token()), 200);
        assertThat((Integer) JsonPath.read(campaign, "$.progress.pending")).isEqualTo(1);
    }

    private static String contact(Api api, Api.Person owner, String name) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), owner.token(), "{\"name\":\"" + name + "\"}"));
    }

    private static String name(Api.Person person) {
        return "Member " + person.login();
    }

    /** The owner's own items of the campaign, item id by contact name. */
    private static Map<String, String> items(Api api, Api.Person owner, String id) throws Exception {
        String body = api.answer(as(get("/api/v1/review/campaigns/" + id + "/items?mine=true"), owner.token()), 200);
        List<String> names = JsonPath.read(body, "$.items[*].contactName");
        List<String> ids = JsonPath.read(body, "$.items[*].id");
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), ids.get(i));
        }
        return byName;
    }

    private static List<String> notifications(Api api, Api.Person who) throws Exception {
        return JsonPath.read(
                api.answer(
                        as(get("/api/v1/notifications?limit=50"), who.token())
                                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"),
                        200),
                "$.items[*].body");
    }
}
