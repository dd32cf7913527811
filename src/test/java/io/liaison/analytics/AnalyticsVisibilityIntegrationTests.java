package io.liaison.analytics;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The figures respect visibility: a member reads their own (another member's is not found), a manager
 * their department tree but not a sibling department, an administrator the organization; by day, ISO
 * week and month, with active contacts counted once per period; by tag for contacts only; as JSON and
 * the same numbers as CSV; within a year's range. Most aggregate rows are written here directly, as
 * the listeners keep them; active contacts come from follow-ups recorded through the API.
 */
@LiaisonIntegrationTest
class AnalyticsVisibilityIntegrationTests {

    static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    ReportWorld world;
    Api api;
    Api.Org org;
    String sales;
    String east;
    String support;
    Api.Person manager;
    Api.Person eastMember;
    Api.Person supportMember;

    @BeforeEach
    void setUp() throws Exception {
        world = new ReportWorld(mvc);
        api = world.api;
        org = world.org;
        sales = world.sales;
        east = world.east;
        support = world.support;
        manager = world.manager;
        eastMember = world.eastMember;
        supportMember = world.supportMember;
        figure("messages.sent", MONDAY, eastMember.id(), 3);
        figure("messages.sent", MONDAY, manager.id(), 4);
        figure("messages.sent", MONDAY, supportMember.id(), 5);
        figure("messages.sent", MONDAY.plusDays(1), org.adminId(), 7);
    }

    @Test
    void aMemberReadsTheirOwnFiguresAManagerTheirTreeAndAnAdministratorTheOrganization() throws Exception {
        String week = "?from=2026-11-02&to=2026-11-04";
        assertThat(values(eastMember.token(), "messages.sent" + week)).containsExactly("3", "0", "0");
        assertThat(values(eastMember.token(), "messages.sent" + week + "&memberId=" + eastMember.id()))
                .containsExactly("3", "0", "0");
        assertThat(values(manager.token(), "messages.sent" + week)).containsExactly("7", "0", "0");
        assertThat(values(manager.token(), "messages.sent" + week + "&deptId=" + east))
                .containsExactly("3", "0", "0");
        assertThat(values(org.adminToken(), "messages.sent" + week)).containsExactly("12", "7", "0");
        assertThat(values(org.adminToken(), "messages.sent" + week + "&deptId=" + sales))
                .as("a department's tree: the manager in sales and the member in its east team")
                .containsExactly("7", "0", "0");
        assertThat(values(org.adminToken(), "messages.sent" + week + "&deptId=" + support))
                .containsExactly("5", "0", "0");
        assertThat(values(org.adminToken(), "messages.sent" + week + "&memberId=" + manager.id()))
                .containsExactly("4", "0", "0");

        // what the viewer may not see is not found, as if it did not exist
        for (String filter : List.of("memberId=" + manager.id(), "deptId=" + east)) {
            api.answer(as(get("/api/v1/analytics/messages.sent" + week + "&" + filter), eastMember.token()), 404);
        }
        for (String filter : List.of("memberId=" + supportMember.id(), "deptId=" + support)) {
            api.answer(as(get("/api/v1/analytics/messages.sent" + week + "&" + filter), manager.token()), 404);
        }
        String missing = api.answer(
                as(get("/api/v1/analytics/messages.sent?memberId=" + manager.id()), eastMember.token())
                        .header("Accept-Language", "en"),
                404);
        assertThat(JsonPath.<String>read(missing, "$.title")).isEqualTo("Member not found");

        // the page shows the same numbers in its tables, and refuses a member the viewer may not see
        assertThat(page("/analytics?from=2026-11-02&to=2026-11-04", manager.id(), "zh-CN"))
                .contains("外部群消息", "发出的消息", "<td class=\"text-end\">7</td>")
                .doesNotContain("<td class=\"text-end\">12</td>");
        assertThat(page("/analytics?from=2026-11-02&to=2026-11-04", org.adminId(), "en"))
                .contains("Messages in external groups", "Messages sent", "<td class=\"text-end\">12</td>");
        MockHttpServletResponse refused = response("/analytics?memberId=" + supportMember.id(), manager.id(), "en");
        assertThat(refused.getStatus()).isEqualTo(404);
    }

    @Test
    void activeContactsOverAWeekOrAMonthAreDistinctAndATagFiltersOnlyContacts() throws Exception {
        String group = api.createdId(
                json(post("/api/v1/tag-groups"), org.adminToken(), "{\"name\":\"等级\",\"color\":\"#1E88E5\"}"));
        String vip = api.createdId(
                json(post("/api/v1/tag-groups/" + group + "/tags"), org.adminToken(), "{\"name\":\"重要\"}"));
        String a = contact(eastMember, "{\"name\":\"甲\",\"tagIds\":[\"" + vip + "\"]}");
        String b = contact(eastMember, "{\"name\":\"乙\"}");
        String c = contact(eastMember, "{\"name\":\"丙\"}");
        String others = contact(supportMember, "{\"name\":\"丁\",\"tagIds\":[\"" + vip + "\"]}");
        // follow-ups through the API: the listeners keep the days, weeks and months (noon in Shanghai)
        followUp(eastMember, a, MONDAY);
        followUp(eastMember, a, MONDAY.plusDays(1));
        followUp(eastMember, b, MONDAY.plusDays(1));
        followUp(eastMember, c, MONDAY.plusDays(8));
        followUp(supportMember, others, MONDAY.plusDays(8));

        String range = "?from=2026-11-02&to=2026-11-15";
        assertThat(values(eastMember.token(), "contacts.active" + range + "&groupBy=week"))
                .as("contact a on Monday and Tuesday counts once in its week")
                .containsExactly("2", "1");
        assertThat(periods(eastMember.token(), "contacts.active" + range + "&groupBy=week"))
                .containsExactly("2026-W45", "2026-W46");
        assertThat(values(eastMember.token(), "contacts.active" + range + "&groupBy=month"))
                .containsExactly("3");
        assertThat(periods(eastMember.token(), "contacts.active" + range + "&groupBy=month"))
                .containsExactly("2026-11");
        assertThat(values(eastMember.token(), "contacts.active" + range).subList(0, 3))
                .containsExactly("1", "2", "0");
        assertThat(periods(eastMember.token(), "contacts.active?from=2026-11-04&to=2026-11-10&groupBy=week"))
                .as("a range grouped by week covers whole weeks")
                .containsExactly("2026-W45", "2026-W46");
        assertThat(values(eastMember.token(), "contacts.active?from=2026-11-04&to=2026-11-10&groupBy=week"))
                .as("Monday's and Tuesday's contacts count in the week the range begins in")
                .containsExactly("2", "1");
        assertThat(values(org.adminToken(), "contacts.active" + range + "&groupBy=month"))
                .containsExactly("4");
        assertThat(values(org.adminToken(), "contacts.active" + range + "&groupBy=week&tagId=" + vip))
                .containsExactly("1", "1");
        assertThat(values(eastMember.token(), "contacts.active" + range + "&groupBy=week&tagId=" + vip))
                .as("the other member's tagged contact is not theirs to count")
                .containsExactly("1", "0");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        assertThat(values(
                        org.adminToken(),
                        "contacts.new?from=" + today + "&to=" + today + "&groupBy=month&tagId=" + vip))
                .containsExactly("2");

        String refused = api.answer(
                as(get("/api/v1/analytics/messages.sent" + range + "&tagId=" + vip), org.adminToken())
                        .header("Accept-Language", "en"),
                400);
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("tagId");
        assertThat(refused).contains("only to new and active contacts");

        String page = page("/analytics?from=" + today + "&to=" + today + "&tagId=" + vip, org.adminId(), "zh-CN");
        assertThat(page)
                .contains("各标签的联系人", "新增联系人来源", "重要", "<th scope=\"row\">API</th>", "只显示带有标签“重要”的联系人")
                .doesNotContain("外部群消息");
        for (String chart : List.of("messages", "contacts", "nothing")) {
            int status = mvc.perform(get("/analytics/" + chart + ".csv?from=" + today + "&to=" + today + "&tagId="
                                    + vip)
                            .with(authentication(new ActorAuthentication(members.actor(UUID.fromString(org.adminId()))
                                    .orElseThrow()))))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status)
                    .as("a chart's CSV with a tag is there when the page shows the chart with it: " + chart)
                    .isEqualTo(chart.equals("contacts") ? 200 : 404);
        }
        Element sources = Jsoup.parse(page("/analytics?from=" + today + "&to=" + today, eastMember.id(), "en"))
                .getElementById("chart-table-sources");
        assertThat(sources).isNotNull();
        assertThat(sources.select("tbody tr").eachText())
                .as("without a tag, new contacts by source come from the kept sums: the member's three")
                .containsExactly("API 3");
    }

    @Test
    void theCsvHoldsTheJsonsNumbersUnderAHeaderInTheReadersLanguage() throws Exception {
        String path = "/api/v1/analytics/messages.sent?from=2026-10-26&to=2026-11-10&groupBy=week";
        String body = api.answer(as(get(path), org.adminToken()), 200);
        var response = mvc.perform(as(get(path), org.adminToken())
                        .header("Accept", "text/csv")
                        .header("Accept-Language", "zh-CN"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .as("by week, the range ends on the Sunday of its last week")
                .contains("filename=\"analytics-messages.sent-2026-10-26-2026-11-15.csv\"");
        String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("周期,发出的消息");
        Map<String, String> fromJson = new LinkedHashMap<>();
        List<String> periods = JsonPath.read(body, "$.series[*].period");
        List<Object> values = JsonPath.read(body, "$.series[*].value");
        for (int i = 0; i < periods.size(); i++) {
            fromJson.put(periods.get(i), String.valueOf(values.get(i)));
        }
        Map<String, String> fromCsv = new LinkedHashMap<>();
        lines.subList(1, lines.size()).forEach(line -> fromCsv.put(line.split(",")[0], line.split(",")[1]));
        assertThat(fromCsv).isEqualTo(fromJson).containsEntry("2026-W45", "19").containsEntry("2026-W44", "0");

        // the page's chart of the same figures offers the same numbers as CSV
        var chart = mvc.perform(get("/analytics/messages.csv?from=2026-11-02&to=2026-11-03")
                        .header("Accept-Language", "en")
                        .with(authentication(new ActorAuthentication(
                                members.actor(UUID.fromString(org.adminId())).orElseThrow()))))
                .andReturn()
                .getResponse();
        assertThat(chart.getStatus()).isEqualTo(200);
        assertThat(chart.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(chart.getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains("filename=\"analytics-messages-2026-11-02-2026-11-03.csv\"");
        assertThat(new String(chart.getContentAsByteArray(), StandardCharsets.UTF_8)
                        .substring(1)
                        .lines())
                .containsExactly("Period,Messages sent,Messages received", "Nov 2,12,0", "Nov 3,7,0");
    }

    @Test
    void theReplyRateAndTheMedianFirstReplyAreReadFromTheQuestions() throws Exception {
        figure("replies.asked", MONDAY, eastMember.id(), 4);
        figure("replies.answered", MONDAY, eastMember.id(), 3);
        String conversation = UUID.randomUUID().toString();
        for (int seconds : new int[] {60, 120, 600}) {
            jdbc.sql("""
                            INSERT INTO analytics_reply (org_id, conversation_id, question_id, day, owner_id, asked_at,
                                                         answered_at, answered_by)
                            VALUES (?, ?, ?, ?, ?, '2026-11-02T02:00:00Z',
                                    '2026-11-02T02:00:00Z'::timestamptz + make_interval(secs => ?), ?)""")
                    .params(
                            uuid(org.id()),
                            uuid(conversation),
                            UUID.randomUUID(),
                            MONDAY,
                            uuid(eastMember.id()),
                            seconds,
                            uuid(eastMember.id()))
                    .update();
        }
        String range = "?from=2026-11-02&to=2026-11-03";
        assertThat(values(manager.token(), "replies.rate" + range)).containsExactly("75.0", "null");
        assertThat(values(manager.token(), "replies.first-reply-minutes" + range))
                .containsExactly("2.0", "null");
        assertThat(values(supportMember.token(), "replies.rate" + range)).containsExactly("null", "null");
    }

    @Test
    void rangesAndParametersOutsideTheLimitsAreRefusedNamingTheParameter() throws Exception {
        assertThat(values(org.adminToken(), "messages.sent?from=2025-11-10&to=2026-11-10"))
                .hasSize(366);
        assertThat(refusal("messages.sent?from=2025-11-09&to=2026-11-10", "en", "to"))
                .contains("To: must not be before from, and the range at most 366 days");
        assertThat(refusal("messages.sent?from=2026-11-10&to=2026-11-09", "zh-CN", "to"))
                .contains("不能早于开始日期");
        assertThat(refusal("messages.sent?groupBy=year", "en", "groupBy")).contains("must be one of day, week, month");
        assertThat(refusal("messages.sent?from=yesterday", "zh-CN", "from")).contains("2026-03-31");
        String unknown = api.answer(
                as(get("/api/v1/analytics/messages.lost"), org.adminToken()).header("Accept-Language", "zh-CN"), 404);
        assertThat(unknown).contains("没有名为 messages.lost 的数据");
        String listed =
                api.answer(as(get("/api/v1/analytics"), org.adminToken()).header("Accept-Language", "zh-CN"), 200);
        assertThat(JsonPath.<List<String>>read(listed, "$[*].name")).contains("新增联系人", "回复率（%）");
        assertThat(JsonPath.<List<String>>read(listed, "$[?(@.byTag == true)].metric"))
                .containsExactly("contacts.new", "contacts.active");
    }

    private String refusal(String query, String language, String field) throws Exception {
        String answer = api.answer(
                as(get("/api/v1/analytics/" + query), org.adminToken()).header("Accept-Language", language), 400);
        assertThat(JsonPath.<List<String>>read(answer, "$.errors[*].field")).containsExactly(field);
        return answer;
    }

    private List<String> values(String token, String query) throws Exception {
        return world.values(token, query);
    }

    private List<String> periods(String token, String query) throws Exception {
        return JsonPath.read(api.answer(as(get("/api/v1/analytics/" + query), token), 200), "$.series[*].period");
    }

    private String page(String path, String memberId, String language) throws Exception {
        MockHttpServletResponse response = response(path, memberId, language);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return response.getContentAsString();
    }

    private MockHttpServletResponse response(String path, String memberId, String language) throws Exception {
        return mvc.perform(get(path)
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(
                                members.actor(UUID.fromString(memberId)).orElseThrow()))))
                .andReturn()
                .getResponse();
    }

    private String contact(Api.Person owner, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), owner.token(), body));
    }

    private void followUp(Api.Person author, String contact, LocalDate day) throws Exception {
        api.answer(json(post("/api/v1/contacts/" + contact + "/follow-ups"), author.token(), """
                {"type":"call","content":"电话沟通","occurredAt":"%sT04:00:00Z"}
                """.formatted(day)), 201);
    }

    private void figure(String metric, LocalDate day, String memberId, long value) {
        jdbc.sql("INSERT INTO analytics_member_day (org_id, metric, day, member_id, value) VALUES (?, ?, ?, ?, ?)")
                .params(uuid(org.id()), metric, day, uuid(memberId), value)
                .update();
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }
}
