package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The task pages in Chinese and English: my tasks by section with names and due times in the
 * member's zone, the form's refusals at their fields in the member's language, a task typed at a
 * Beijing time stored as that time, ticking one done in place, the contact page's section.
 */
@LiaisonIntegrationTest
class TaskPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    io.liaison.task.event.EventService events;

    Actor boss;
    Contact contact;

    @BeforeEach
    void chineseOrganization() {
        boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Tasks", "zh-CN", "李娜");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "张伟");
        contact = contacts.create(boss, body, "manual", false);
    }

    @Test
    void myTasksAreInTheirSectionsWithNamesPriorityAndDueTimesInBothLanguages() throws Exception {
        Instant now = Instant.now();
        Task late = task("给张伟回电话", "urgent", now.minus(Duration.ofHours(2)));
        Task later = task("准备报价单", "normal", now.plus(Duration.ofDays(3)).plus(Duration.ofHours(1)));
        Task done = task("寄样品", "low", null);
        tasks.complete(boss, done.id());

        String chinese = page(get("/tasks"), "zh-CN", status().isOk());
        assertThat(section(chinese, "overdue"))
                .contains("给张伟回电话", "紧急", "2 小时前", "张伟", "李娜")
                .doesNotContain("准备报价单");
        assertThat(section(chinese, "upcoming")).contains("准备报价单", "3 天后").doesNotContain("普通");
        assertThat(section(chinese, "done")).contains("寄样品", "已完成");
        assertThat(section(chinese, "today")).contains("今天没有其他到期的任务。");
        assertThat(chinese).contains("我的任务", "分配给我的").doesNotContain("??");

        String english = page(get("/tasks"), "en", status().isOk());
        assertThat(section(english, "overdue")).contains("Urgent", "2 hours ago");
        assertThat(section(english, "upcoming")).contains("in 3 days");
        assertThat(english)
                .contains("My tasks", "Assigned to me", "Done recently")
                .doesNotContain("??");
        assertThat(late.id()).isNotEqualTo(later.id());
    }

    @Test
    void theFiltersShowWhoseTasksAndOneContacts() throws Exception {
        var created = members.create(
                boss, new NewMember("wang" + boss.orgCode(), "王芳", null, null, "MEMBER", List.of(), "wang-password-1"));
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "赵敏");
        Contact other = contacts.create(boss, body, "manual", false);
        tasks.create(
                boss,
                new TaskService.NewTask(
                        "请王芳回访赵敏",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(created.id()),
                        List.of(other.id()),
                        List.of(),
                        List.of()));
        task("给张伟回电话", "normal", null);

        assertThat(page(get("/tasks"), "zh-CN", status().isOk()))
                .contains("给张伟回电话")
                .doesNotContain("请王芳回访赵敏");
        assertThat(page(get("/tasks").param("show", "made"), "zh-CN", status().isOk()))
                .contains("给张伟回电话", "请王芳回访赵敏", "王芳");
        String ofOne = page(
                get("/tasks").param("show", "all").param("contact", other.id().toString()), "zh-CN", status().isOk());
        assertThat(ofOne).contains("请王芳回访赵敏", "联系人：赵敏").doesNotContain("给张伟回电话");
        String found = page(
                get("/tasks/contacts").param("q", "赵").param("purpose", "all").header("HX-Request", "true"),
                "zh-CN",
                status().isOk());
        assertThat(found).contains("赵敏", "/tasks?show=all&amp;contact=" + other.id());
    }

    @Test
    void theDueTimeIsShownInTheMembersZone() throws Exception {
        task(
                "拜访张伟",
                "high",
                OffsetDateTime.of(2026, 12, 3, 5, 36, 0, 0, ZoneOffset.UTC).toInstant());
        assertThat(page(get("/tasks"), "zh-CN", status().isOk())).contains("2026年12月3日 13:36");
        assertThat(page(get("/tasks"), "en", status().isOk())).contains("Dec 3, 2026, 1:36 PM");
    }

    @Test
    void aTaskTypedAtABeijingTimeIsDueThenAndLinkedToTheContactItWasMadeFrom() throws Exception {
        String form = page(get("/tasks/new").param("contact", contact.id().toString()), "zh-CN", status().isOk());
        assertThat(form).contains("新建任务", "张伟", "李娜").doesNotContain("type=\"date", "type=\"time");

        String saved = mvc.perform(post("/tasks")
                        .param("title", "拜访张伟")
                        .param("due", "2026-12-10 09:30")
                        .param("priority", "high")
                        .param("assigneeIds", boss.memberId().toString())
                        .param("contactIds", contact.id().toString())
                        .param("repeat", "weekly")
                        .param("repeatEvery", "2")
                        .param("repeatDays", "TH", "MO")
                        .param("checklist", "带上报价单\n\n  样品  ")
                        .header("Accept-Language", "zh-CN")
                        .with(authentication(new ActorAuthentication(boss)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Task task =
                tasks.list(boss, TaskService.TaskQuery.all(), null, 10).items().get(0);
        assertThat(saved).isEqualTo("/tasks/" + task.id());
        assertThat(task.dueAt())
                .isEqualTo(OffsetDateTime.of(2026, 12, 10, 1, 30, 0, 0, ZoneOffset.UTC)
                        .toInstant());
        assertThat(task.recurrence()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH");
        assertThat(task.contactIds()).containsExactly(contact.id());
        assertThat(task.checklist()).extracting(Task.CheckItem::text).containsExactly("带上报价单", "样品");

        String page = page(get("/tasks/{id}", task.id()), "zh-CN", status().isOk());
        assertThat(page).contains("拜访张伟", "2026年12月10日 09:30", "每 2 周的周一、周四", "带上报价单", "高");
        assertThat(page(get("/tasks/{id}", task.id()), "en", status().isOk()))
                .contains("Dec 10, 2026, 9:30 AM", "Every 2 weeks on Mon, Thu");
    }

    @Test
    void refusalsShowAtTheirFieldsInTheMembersLanguage() throws Exception {
        String chinese = refused(Map.of("title", "", "due", "2026-12-10 09:30"), "zh-CN");
        assertThat(fieldError(chinese, "title")).contains("须为 1 到 200 个字符");

        String badTime = refused(Map.of("title", "拜访", "due", "下周一"), "zh-CN");
        assertThat(fieldError(badTime, "due")).contains("须为日期和时间，例如 2026-12-03 13:36");
        assertThat(badTime).contains("value=\"下周一\"", "value=\"拜访\"");

        String english = refused(Map.of("title", "Visit", "due", "next Monday"), "en");
        assertThat(fieldError(english, "due")).contains("must be a date and time such as 2026-12-03 13:36");

        String badDay = refused(
                Map.of("title", "Visit", "due", "2026-12-10 09:30", "repeat", "monthly", "repeatMonthDay", "32"), "en");
        assertThat(fieldError(badDay, "repeatMonthDay")).contains("from 1 to 31, or -1 for the last");

        String noOne = refused(Map.of("title", "拜访", "assigneeIds", contact.id().toString()), "zh-CN");
        assertThat(fieldError(noOne, "assigneeIds")).contains("必须是本组织在职的成员");
        assertThat(tasks.list(boss, TaskService.TaskQuery.all(), null, 10).items())
                .isEmpty();
    }

    @Test
    void tickingATaskDoneAnswersItsRowDone() throws Exception {
        Task task = task("给张伟回电话", "normal", Instant.now().plus(Duration.ofHours(1)));
        String row =
                page(post("/tasks/{id}/complete", task.id()).header("HX-Request", "true"), "zh-CN", status().isOk());
        assertThat(row).contains("task-done", "bi-check-circle-fill", "已完成").doesNotContain("<html");
        assertThat(tasks.get(boss, task.id()).status()).isEqualTo("done");
    }

    @Test
    void theContactPageLoadsTheContactsOpenTasks() throws Exception {
        task("给张伟回电话", "normal", Instant.now().plus(Duration.ofHours(1)));
        assertThat(page(get("/contacts/{id}", contact.id()), "zh-CN", status().isOk()))
                .contains("/tasks/of-contact/" + contact.id());
        String section = page(
                get("/tasks/of-contact/{id}", contact.id()).header("HX-Request", "true"), "zh-CN", status().isOk());
        assertThat(section).contains("给张伟回电话", "新建任务", "/tasks/new?contact=" + contact.id());
        assertThat(section).contains("与这位联系人暂无即将到来的日程。", "/calendar/events/new?contact=" + contact.id());
    }

    @Test
    void theContactsSectionListsItsUpcomingEventsInTheReadersZoneAndNotCancelledOrPastOnes() throws Exception {
        Instant start = Instant.parse("2027-01-04T02:00:00Z");
        event("拜访张伟", start, start.plus(Duration.ofHours(1)));
        var cancelled = event("取消的拜访", start, start.plus(Duration.ofHours(1)));
        events.cancel(boss, cancelled.id(), null);
        event(
                "上周的拜访",
                Instant.now().minus(Duration.ofDays(7)),
                Instant.now().minus(Duration.ofDays(7)).plusSeconds(3600));

        String section = page(
                get("/tasks/of-contact/{id}", contact.id()).header("HX-Request", "true"), "zh-CN", status().isOk());
        assertThat(section).contains("即将到来的日程", "拜访张伟", "拜访 · 2027年1月4日 10:00").doesNotContain("取消的拜访", "上周的拜访");
        assertThat(page(
                        get("/calendar/events/new")
                                .param("contact", contact.id().toString()),
                        "zh-CN",
                        status().isOk()))
                .as("a new event from the contact's section has the contact attending")
                .contains("张伟");
    }

    io.liaison.task.event.CalendarEvent event(String title, Instant start, Instant end) {
        return events.create(
                boss,
                new io.liaison.task.event.EventDraft(
                        title,
                        null,
                        "visit",
                        start,
                        end,
                        "Asia/Shanghai",
                        false,
                        null,
                        null,
                        List.of(),
                        List.of(contact.id()),
                        List.of()));
    }

    Task task(String title, String priority, @Nullable Instant due) {
        return tasks.create(
                boss,
                new TaskService.NewTask(
                        title,
                        null,
                        priority,
                        due,
                        null,
                        null,
                        List.of(),
                        List.of(boss.memberId()),
                        List.of(contact.id()),
                        List.of(),
                        List.of()));
    }

    String refused(Map<String, String> fields, String language) throws Exception {
        MockHttpServletRequestBuilder request = post("/tasks");
        fields.forEach(request::param);
        return page(request, language, status().isBadRequest());
    }

    /** What the page says under the input {@code name}. */
    static String fieldError(String page, String name) {
        int input = page.indexOf("name=\"" + name + "\"");
        assertThat(input).as("the input " + name).isNotNegative();
        int error = page.indexOf("invalid-feedback", input);
        assertThat(error).as("a message under " + name).isNotNegative();
        return page.substring(error, page.indexOf("</div>", error));
    }

    /** The section {@code key} of the list page. */
    static String section(String page, String key) {
        int start = page.indexOf("id=\"tasks-" + key + "\"");
        assertThat(start).as("the section " + key).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    String page(MockHttpServletRequestBuilder request, String language, ResultMatcher expected) throws Exception {
        return mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(boss)))
                        .with(csrf()))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
