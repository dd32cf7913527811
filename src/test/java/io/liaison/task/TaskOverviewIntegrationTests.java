package io.liaison.task;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * What the task module tells the workbench: the member's own tasks overdue and due in a window, counted
 * up to a cap; the overdue tasks of the members a manager's scope covers; the member's events of a day;
 * the contacts due for a touch.
 */
@LiaisonIntegrationTest
class TaskOverviewIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskOverview overview;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMembersTasksEventsAndTouchesAndTheTeamsOverdueTasks() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String sales = api.newDepartment(org, "销售部", null);
        String support = api.newDepartment(org, "客服部", null);
        Api.Person boss = api.newMember(org, "MANAGER", sales);
        Api.Person ann = api.newMember(org, "MEMBER", sales);
        Api.Person bob = api.newMember(org, "MEMBER", support);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        task(api, ann, ann, "昨天就该打的电话", now.minus(Duration.ofDays(1)));
        task(api, ann, ann, "一小时前的回访", now.minus(Duration.ofHours(1)));
        task(api, ann, ann, "两小时后的报价", now.plus(Duration.ofHours(2)));
        task(api, ann, ann, "下周的方案", now.plus(Duration.ofDays(7)));
        task(api, bob, bob, "别部门的逾期任务", now.minus(Duration.ofHours(5)));
        task(api, ann, bob, "派给别人的逾期任务", now.minus(Duration.ofHours(5)));
        Actor reader = actor(ann);

        assertThat(overview.assignedDue(reader, null, now, 5))
                .extracting(TaskOverview.DueTask::title)
                .as("assigned to her and past due, the earliest first")
                .containsExactly("昨天就该打的电话", "一小时前的回访");
        assertThat(overview.assignedDueCount(reader, null, now, 100)).isEqualTo(2);
        assertThat(overview.assignedDueCount(reader, null, now, 1)).isEqualTo(1);
        assertThat(overview.assignedDue(reader, now, now.plus(Duration.ofHours(12)), 5))
                .extracting(TaskOverview.DueTask::title)
                .containsExactly("两小时后的报价");
        assertThat(overview.teamOverdueCount(reader, now, 100))
                .as("a scope of her own")
                .isNull();
        assertThat(overview.teamOverdueCount(actor(boss), now, 100))
                .as("the sales department's two, not support's")
                .isEqualTo(2);

        String contact = api.createdId(json(post("/api/v1/contacts"), ann.token(), "{\"name\":\"蒋涛\"}"));
        event(api, ann, "今天的拜访", now.plus(Duration.ofHours(1)), ann);
        event(api, bob, "别人的会", now.plus(Duration.ofHours(1)), bob);
        event(api, bob, "请她参加的会", now.plus(Duration.ofHours(3)), ann);
        event(api, ann, "明天的电话", now.plus(Duration.ofDays(1)), ann);
        assertThat(overview.myEvents(reader, now, now.plus(Duration.ofHours(12)), 5))
                .extracting(TaskOverview.DayEvent::title)
                .containsExactly("今天的拜访", "请她参加的会");

        api.createdId(json(post("/api/v1/cadences"), ann.token(), """
                {"contactId":"%s","everyDays":3}""".formatted(contact)));
        assertThat(overview.dueTouches(reader, 5).items()).isEmpty();
        jdbc.sql("UPDATE contact SET created_at = now() - interval '5 days' WHERE id = ?::uuid")
                .param(contact)
                .update();
        TaskOverview.Some<TaskOverview.DueTouch> due = overview.dueTouches(reader, 5);
        assertThat(due.items()).extracting(TaskOverview.DueTouch::name).containsExactly("蒋涛");
        assertThat(due.more()).isFalse();
    }

    @Test
    void theMembersListsFollowATaskDoneReopenedMovedAndHandedOn() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String sales = api.newDepartment(org, "销售部", null);
        Api.Person ann = api.newMember(org, "MEMBER", sales);
        Api.Person bob = api.newMember(org, "MEMBER", sales);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String call = task(api, ann, ann, "逾期的电话", now.minus(Duration.ofDays(1)));
        Actor reader = actor(ann);
        Instant tonight = now.plus(Duration.ofHours(12));
        assertThat(overview.assignedDue(reader, null, now, 5))
                .extracting(TaskOverview.DueTask::title)
                .containsExactly("逾期的电话");

        api.answer(as(post("/api/v1/tasks/" + call + "/complete"), ann.token()), 200);
        assertThat(overview.assignedDue(reader, null, now, 5)).as("done").isEmpty();
        assertThat(overview.assignedDueCount(reader, null, now, 100)).isZero();

        change(api, ann, call, "{\"status\":\"open\"}");
        assertThat(overview.assignedDueCount(reader, null, now, 100))
                .as("reopened")
                .isEqualTo(1);

        change(api, ann, call, "{\"dueAt\":\"%s\"}".formatted(now.plus(Duration.ofHours(2))));
        assertThat(overview.assignedDueCount(reader, null, now, 100))
                .as("moved to later today")
                .isZero();
        assertThat(overview.assignedDue(reader, now, tonight, 5))
                .extracting(TaskOverview.DueTask::title)
                .containsExactly("逾期的电话");

        change(api, ann, call, "{\"assigneeIds\":[\"%s\"]}".formatted(bob.id()));
        assertThat(overview.assignedDue(reader, now, tonight, 5))
                .as("handed on to Bob")
                .isEmpty();
        assertThat(overview.assignedDueCount(actor(bob), now, tonight, 100)).isEqualTo(1);

        change(api, bob, call, "{\"status\":\"cancelled\"}");
        assertThat(overview.assignedDueCount(actor(bob), now, tonight, 100))
                .as("cancelled")
                .isZero();
    }

    private static void change(Api api, Api.Person who, String task, String body) throws Exception {
        api.answer(json(MockMvcRequestBuilders.patch("/api/v1/tasks/" + task), who.token(), body), 200);
    }

    private static String task(Api api, Api.Person maker, Api.Person assignee, String title, Instant due)
            throws Exception {
        return api.createdId(json(post("/api/v1/tasks"), maker.token(), """
                {"title":"%s","dueAt":"%s","assigneeIds":["%s"]}""".formatted(title, due, assignee.id())));
    }

    private static void event(Api api, Api.Person maker, String title, Instant start, Api.Person attendee)
            throws Exception {
        api.createdId(json(post("/api/v1/events"), maker.token(), """
                {"title":"%s","kind":"meeting","startAt":"%s","endAt":"%s","timeZone":"Asia/Shanghai",
                 "memberIds":["%s"]}""".formatted(
                        title, start, start.plus(Duration.ofMinutes(30)), attendee.id())));
    }

    private Actor actor(Api.Person person) {
        return members.actor(UUID.fromString(person.id())).orElseThrow();
    }
}
