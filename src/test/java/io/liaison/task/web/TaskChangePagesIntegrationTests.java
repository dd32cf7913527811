package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import io.liaison.shared.LiaisonException;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskComments;
import io.liaison.task.core.TaskService;
import java.time.Duration;
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
 * Changing a task from its pages: the edit form shows it as saved (due time in the member's zone,
 * reminders ticked), saving keeps the checklist's ticks, a change against an old version is refused,
 * checklist items tick in place, comments are added in place, a task is deleted; reminders without
 * a due time are refused at the due time in the member's language; a member who only sees the task
 * (through its contact) gets no buttons or ticks to change it.
 */
@LiaisonIntegrationTest
class TaskChangePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    TaskService tasks;

    @Autowired
    TaskComments comments;

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcClient jdbc;

    Actor boss;
    Task task;

    @BeforeEach
    void aTaskWithAChecklistAndAReminder() {
        boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Change", "zh-CN", "李娜");
        task = tasks.create(
                boss,
                new TaskService.NewTask(
                        "拜访张伟",
                        null,
                        "normal",
                        OffsetDateTime.of(2026, 12, 10, 1, 30, 0, 0, ZoneOffset.UTC)
                                .toInstant(),
                        null,
                        null,
                        List.of(Duration.ofMinutes(15)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(new Task.CheckItem("带上报价单", true), new Task.CheckItem("样品", false))));
    }

    @Test
    void theEditFormShowsTheTaskAndSavingKeepsTheTicksOfItemsThatStayed() throws Exception {
        String form = page(get("/tasks/{id}/edit", task.id()), boss, status().isOk());
        assertThat(form)
                .contains("value=\"2026-12-10 09:30\"", "编辑任务", "带上报价单\n样品</textarea>")
                .containsPattern("id=\"task-reminder-PT15M\"\\s+value=\"PT15M\"[^>]*checked");

        page(save("拜访张伟并签约", task.version()).param("reminders", "PT0M", "P1D"), boss, status().is3xxRedirection());
        Task saved = tasks.get(boss, task.id());
        assertThat(saved.title()).isEqualTo("拜访张伟并签约");
        assertThat(saved.reminders()).containsExactly(Duration.ofDays(1), Duration.ZERO);
        assertThat(saved.checklist())
                .containsExactly(new Task.CheckItem("带上报价单", true), new Task.CheckItem("合同", false));

        String stale = page(save("别人的旧版本", task.version()), boss, status().isPreconditionFailed());
        assertThat(stale).contains("别人的旧版本");
        assertThat(tasks.get(boss, task.id()).title()).isEqualTo("拜访张伟并签约");
    }

    @Test
    void remindersWithoutADueTimeAreRefusedAtTheDueTimeInBothLanguages() throws Exception {
        String chinese = page(remindedWithoutDue(), boss, status().isBadRequest());
        assertThat(TaskPagesIntegrationTests.fieldError(chinese, "due")).contains("必填");
        assertThat(chinese).containsPattern("id=\"task-reminder-PT15M\"\\s+value=\"PT15M\"[^>]*checked");
        String english = page(remindedWithoutDue(), boss, "en", status().isBadRequest());
        assertThat(TaskPagesIntegrationTests.fieldError(english, "due")).contains("is required");
    }

    @Test
    void checklistItemsTickAndCommentsAddInPlace() throws Exception {
        String checklist = page(
                post("/tasks/{id}/checklist/1", task.id())
                        .param("done", "true")
                        .param("version", String.valueOf(task.version()))
                        .header("HX-Request", "true"),
                boss,
                status().isOk());
        assertThat(checklist).contains("id=\"task-checklist\"").doesNotContain("<html");
        assertThat(tasks.get(boss, task.id()).checklist())
                .extracting(Task.CheckItem::done)
                .containsExactly(true, true);

        String comment = page(
                post("/tasks/{id}/comments", task.id())
                        .param("body", "客户要求周五前报价")
                        .header("HX-Request", "true"),
                boss,
                status().isOk());
        assertThat(comment).contains("客户要求周五前报价", "李娜", "hx-swap-oob").doesNotContain("<html");
        assertThat(page(get("/tasks/{id}", task.id()), boss, status().isOk()))
                .contains("客户要求周五前报价", "提前 15 分钟")
                .doesNotContain("还没有评论。");
        assertThat(comments.list(boss, task.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void aTaskIsDeletedFromItsPage() throws Exception {
        String page = page(get("/tasks/{id}", task.id()), boss, status().isOk());
        assertThat(page).contains("id=\"task-delete\"", "要永久删除任务“拜访张伟”及其检查项和评论吗？");
        page(post("/tasks/{id}/delete", task.id()), boss, status().is3xxRedirection());
        assertThatThrownBy(() -> tasks.get(boss, task.id()))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
    }

    @Test
    void aMemberWhoSeesTheTaskOnlyThroughItsContactGetsNoWayToChangeIt() throws Exception {
        var created = members.create(
                boss, new NewMember("wang" + boss.orgCode(), "王芳", null, null, "MEMBER", List.of(), "wang-password-1"));
        Actor wang = members.actor(created.id()).orElseThrow();
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "张伟");
        body.put("ownerId", wang.memberId().toString());
        Contact hers = contacts.create(boss, body, "manual", false);
        Task linked = tasks.create(
                boss,
                new TaskService.NewTask(
                        "给张伟寄样品",
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(hers.id()),
                        List.of(),
                        List.of(new Task.CheckItem("样品", false))));

        String page = page(get("/tasks/{id}", linked.id()), wang, "zh-CN", status().isOk());
        assertThat(page).contains("给张伟寄样品").doesNotContain("id=\"task-complete\"", "id=\"task-edit\"");
        assertThat(page).containsPattern("id=\"check-0\"[^>]*disabled");
        String section = page(
                get("/tasks/of-contact/{id}", hers.id()).header("HX-Request", "true"), wang, "zh-CN", status().isOk());
        assertThat(section).contains("给张伟寄样品").doesNotContain("hx-post");
    }

    private static MockHttpServletRequestBuilder remindedWithoutDue() {
        return post("/tasks").param("title", "回电话").param("due", "").param("reminders", "PT15M");
    }

    private MockHttpServletRequestBuilder save(String title, long version) {
        return post("/tasks/{id}", task.id())
                .param("title", title)
                .param("due", "2026-12-10 09:30")
                .param("priority", "high")
                .param("assigneeIds", boss.memberId().toString())
                .param("repeat", "none")
                .param("checklist", "带上报价单\n合同")
                .param("version", String.valueOf(version));
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, ResultMatcher expected) throws Exception {
        return page(request, actor, "zh-CN", expected);
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, String language, ResultMatcher expected)
            throws Exception {
        return mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
