package io.liaison.analytics;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workbench after login: each item a member has (contacts, tasks overdue and due today, an event of
 * the day, a contact due for a touch, a review finding, an unread chat, recent follow-ups) is on it,
 * and every link on it leads to a page that answers with what the link names; a manager sees their
 * department tree's figures, not a sibling department's, an administrator the organization's, a member
 * only their own; "today" is the member's, in their time zone.
 */
@LiaisonIntegrationTest
class WorkbenchIntegrationTests {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Test
    void aMemberSeesEachItemAndEveryLinkLeadsToWhatItNames() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        Instant now = Instant.now();
        setZone(ann, zoneWhereItIsAbout(12, now));

        String zhang = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"张伟\"}"));
        String li =
                api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"李娜\",\"company\":\"华东贸易\"}"));
        api.createdId(json(post("/api/v1/contacts/" + li + "/follow-ups"), ann.token(), """
                {"type":"call","content":"约了下周二上门演示"}"""));
        api.createdId(
                json(post("/api/v1/cadences"), ann.token(), "{\"contactId\":\"%s\",\"everyDays\":7}".formatted(zhang)));
        jdbc.sql("UPDATE contact SET created_at = now() - interval '10 days' WHERE id = ?::uuid")
                .param(zhang)
                .update();
        jdbc.sql("""
                        INSERT INTO review_finding (org_id, id, contact_id, kind, reason)
                        VALUES (?::uuid, ?, ?::uuid, 'incomplete', 'incomplete.contact')""").params(org.id(), UUID.randomUUID(), zhang).update();
        String overdue = task(api, ann, "回访张伟确认报价", now.minus(Duration.ofHours(3)));
        String today = task(api, ann, "发送合同草稿", now.plus(Duration.ofMinutes(90)));
        String event = api.createdId(json(post("/api/v1/events"), ann.token(), """
                {"title":"拜访华东贸易","kind":"visit","startAt":"%s","endAt":"%s","timeZone":"Asia/Shanghai",
                 "memberIds":["%s"]}""".formatted(
                        now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofMinutes(60)), ann.id())));
        String group = api.createdId(json(post("/api/v1/conversations"), bob.token(), """
                {"kind":"internal","name":"华东项目组","memberIds":["%s"]}""".formatted(ann.id())));
        api.createdId(json(post("/api/v1/conversations/" + group + "/messages"), bob.token(), "{\"text\":\"明天上午开会\"}"));

        Document page = page("/", actor(ann), "en");
        Element workbench = page.getElementById("workbench");
        assertThat(workbench).isNotNull();
        assertThat(workbench.getElementById("workbench-my-contacts").text()).isEqualTo("2");
        assertThat(workbench.getElementById("workbench-new-this-week").text())
                .as("张伟 was made ten days ago")
                .isEqualTo("1 new this week");
        assertThat(workbench.getElementById("workbench-overdue-count").text()).isEqualTo("1");
        assertThat(workbench.getElementById("workbench-due-today-count").text()).isEqualTo("1");
        assertThat(workbench.getElementById("workbench-unread-count").text()).isEqualTo("1");
        assertThat(workbench.getElementById("workbench-team"))
                .as("a member's scope is their own")
                .isNull();
        assertThat(text(workbench, "#workbench-tasks")).contains("回访张伟确认报价", "发送合同草稿");
        assertThat(text(workbench, "#workbench-events")).contains("拜访华东贸易", "Visit");
        assertThat(text(workbench, "#workbench-touches")).contains("张伟", "Record a follow-up");
        assertThat(text(workbench, "#workbench-findings")).contains("Incomplete 1");
        assertThat(text(workbench, "#workbench-chats")).contains("华东项目组 1");
        assertThat(text(workbench, "#workbench-activity")).contains("李娜", "Call", "约了下周二上门演示");
        assertThat(hrefs(workbench))
                .contains(
                        "/tasks/" + overdue,
                        "/tasks/" + today,
                        "/calendar/events/" + event,
                        "/contacts/" + zhang + "#follow-up-form",
                        "/review?kind=incomplete",
                        "/chats/" + group,
                        "/contacts/" + li);

        for (Element link : workbench.select("a[href]")) {
            String href = link.attr("href");
            Document target = page(href.replaceFirst("#.*", ""), actor(ann), "en");
            if (href.startsWith("/chats/")) {
                // The chat page draws the chosen conversation from the API in the browser.
                String id = href.substring("/chats/".length());
                assertThat(target.html()).contains(id);
                assertThat(api.answer(Api.as(get("/api/v1/conversations/" + id), ann.token()), 200))
                        .contains(link.text());
            } else if (ID.matcher(href.replaceFirst("[?#].*", "")).find()) {
                assertThat(target.text()
                                + " "
                                + String.join(" ", target.select("input").eachAttr("value")))
                        .as("%s names %s", href, link.text())
                        .contains(named(link));
            }
        }
        assertThat(page("/review?kind=incomplete", actor(ann), "en").text()).contains("张伟");
        assertThat(page("/contacts?owner=" + ann.id(), actor(ann), "en").text()).contains("张伟", "李娜");

        Document chinese = page("/", actor(ann), "zh-CN");
        assertThat(chinese.getElementById("workbench-new-this-week").text()).isEqualTo("本周新增 1 位");
        assertThat(text(chinese, "#workbench-touches")).contains("张伟", "记录跟进");
    }

    @Test
    void aManagerSeesTheTreesFiguresAnAdministratorTheOrganizationsAMemberTheirOwn() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String sales = api.newDepartment(org, "销售部", null);
        String east = api.newDepartment(org, "华东区", sales);
        String marketing = api.newDepartment(org, "市场部", null);
        Api.Person manager = api.newMember(org, "MANAGER", sales);
        Api.Person seller = api.newMember(org, "MEMBER", east);
        Api.Person marketer = api.newMember(org, "MEMBER", marketing);
        for (String name : List.of("王芳", "赵磊")) {
            api.createdId(json(post("/api/v1/contacts"), seller.token(), "{\"name\":\"" + name + "\"}"));
        }
        api.createdId(json(post("/api/v1/contacts"), marketer.token(), "{\"name\":\"孙丽\"}"));
        Instant past = Instant.now().minus(Duration.ofDays(1));
        task(api, seller, "跟进王芳的报价", past);
        task(api, marketer, "整理展会名单", past);
        task(api, marketer, "回复孙丽的邮件", past);

        String mine = workbench(manager);
        assertThat(JsonPath.<String>read(mine, "$.team.dataScope")).isEqualTo("DEPT_TREE");
        assertThat(JsonPath.<Integer>read(mine, "$.team.contacts.value")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(mine, "$.team.newThisWeek.value")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(mine, "$.team.overdueTasks.value"))
                .as("the seller's overdue task, not the marketer's two")
                .isEqualTo(1);
        assertThat(JsonPath.<Integer>read(mine, "$.myContacts.value")).isZero();
        Document page = page("/", actor(manager), "en");
        assertThat(page.getElementById("workbench-team-contacts").text()).isEqualTo("2 contacts");
        assertThat(page.getElementById("workbench-team-overdue").text()).isEqualTo("1 overdue task");
        assertThat(page.getElementById("workbench-team-scope").text()).isEqualTo("My department and below");

        String admin = api.answer(Api.as(get("/api/v1/workbench"), org.adminToken()), 200);
        assertThat(JsonPath.<String>read(admin, "$.team.dataScope")).isEqualTo("ALL");
        assertThat(JsonPath.<Integer>read(admin, "$.team.contacts.value")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(admin, "$.team.overdueTasks.value")).isEqualTo(3);

        String member = workbench(seller);
        assertThat(JsonPath.<Object>read(member, "$.team"))
                .as("a member's scope is their own")
                .isNull();
        assertThat(JsonPath.<Integer>read(member, "$.myContacts.value")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(member, "$.overdueCount.value")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(member, "$.overdue[*].title")).containsExactly("跟进王芳的报价");
        assertThat(JsonPath.<Integer>read(workbench(marketer), "$.overdueCount.value"))
                .isEqualTo(2);
    }

    @Test
    void todayIsTheMembersDayInTheirTimeZone() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person noon = api.newMember(org, "MEMBER");
        Api.Person night = api.newMember(org, "MEMBER");
        Instant now = Instant.now();
        ZoneId noonZone = zoneWhereItIsAbout(12, now);
        ZoneId nightZone = zoneWhereItIsAbout(23, now);
        setZone(noon, noonZone);
        setZone(night, nightZone);
        Instant start = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        api.createdId(json(post("/api/v1/events"), noon.token(), """
                {"title":"午后电话会","kind":"call","startAt":"%s","endAt":"%s","timeZone":"UTC","memberIds":["%s","%s"]}""".formatted(
                        start, start.plus(Duration.ofMinutes(20)), noon.id(), night.id())));

        String atNoon = workbench(noon);
        assertThat(JsonPath.<String>read(atNoon, "$.timeZone")).isEqualTo(noonZone.getId());
        assertThat(LocalDate.parse(JsonPath.read(atNoon, "$.today"))).isEqualTo(LocalDate.ofInstant(now, noonZone));
        assertThat(JsonPath.<List<String>>read(atNoon, "$.events[*].title")).containsExactly("午后电话会");
        String atNight = workbench(night);
        assertThat(LocalDate.parse(JsonPath.read(atNight, "$.today"))).isEqualTo(LocalDate.ofInstant(now, nightZone));
        assertThat(JsonPath.<List<String>>read(atNight, "$.events"))
                .as("an hour from now is tomorrow where it is 23 o'clock")
                .isEmpty();
        Document page = page("/", actor(noon), "en");
        assertThat(text(page, "#workbench-events")).contains("午后电话会", "Call");
        assertThat(page("/", actor(night), "zh-CN")
                        .getElementById("workbench-events-empty")
                        .text())
                .contains("今天没有安排。", "安排日程");
    }

    /** A fixed-offset zone in which the local time at {@code now} is {@code hour} o'clock. */
    static ZoneId zoneWhereItIsAbout(int hour, Instant now) {
        int utc = now.atOffset(ZoneOffset.UTC).getHour();
        int offset = hour - utc;
        if (offset > 14) {
            offset -= 24;
        } else if (offset < -12) {
            offset += 24;
        }
        // Etc/GMT zones count the other way round: Etc/GMT-9 is nine hours ahead of UTC.
        return ZoneId.of(offset >= 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset);
    }

    private String task(Api api, Api.Person assignee, String title, Instant due) throws Exception {
        return api.createdId(json(post("/api/v1/tasks"), assignee.token(), """
                {"title":"%s","dueAt":"%s","assigneeIds":["%s"]}""".formatted(title, due, assignee.id())));
    }

    private void setZone(Api.Person person, ZoneId zone) {
        jdbc.sql("UPDATE member SET time_zone = ? WHERE id = ?::uuid")
                .params(zone.getId(), person.id())
                .update();
    }

    private String workbench(Api.Person person) throws Exception {
        return new Api(mvc).answer(Api.as(get("/api/v1/workbench"), person.token()), 200);
    }

    private Document page(String path, Actor actor, String language) throws Exception {
        var response = mvc.perform(get(path)
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as(path + " " + response.getContentAsString())
                .isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    /** What a link names: the title of a task, an event, a chat, the name of a contact. */
    private static String named(Element link) {
        String text = link.text();
        return text.equals("Record a follow-up") ? "Record" : text;
    }

    private static String text(Element root, String selector) {
        Element found = root.selectFirst(selector);
        assertThat(found).as(selector).isNotNull();
        return found.text();
    }

    private static List<String> hrefs(Element root) {
        return new ArrayList<>(root.select("a[href]").eachAttr("href"));
    }

    private Actor actor(Api.Person person) {
        return members.actor(UUID.fromString(person.id())).orElseThrow();
    }
}
