package io.liaison.task;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who sees a task: its maker and its assignees; whoever sees a contact it is linked to; an
 * administrator (data scope all, task.manage); nobody else, and nobody of another organization.
 */
@LiaisonIntegrationTest
class TaskVisibilityIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    TaskService tasks;

    @Test
    void aTaskIsSeenByItsMakerAssigneesTheContactsReadersAndManagersOnly() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person maker = api.newMember(org, "MEMBER");
        Api.Person assignee = api.newMember(org, "MEMBER");
        Api.Person reader = api.newMember(org, "MEMBER");
        Api.Person stranger = api.newMember(org, "MEMBER");
        String contact = api.createdId(json(post("/api/v1/contacts"), maker.token(), """
                {"name":"张三","shareUserIds":["%s"]}
                """.formatted(reader.id())));

        Task task = tasks.create(
                actor(maker),
                new TaskService.NewTask(
                        "给张三回电话",
                        "确认报价",
                        "high",
                        Instant.parse("2026-12-07T02:00:00Z"),
                        "Asia/Shanghai",
                        "FREQ=WEEKLY;BYDAY=MO",
                        List.of(),
                        List.of(UUID.fromString(assignee.id())),
                        List.of(UUID.fromString(contact)),
                        List.of(),
                        List.of(new Task.CheckItem("准备报价单", false))));

        assertThat(task.assigneeIds()).containsExactly(UUID.fromString(assignee.id()));
        assertThat(task.checklist()).containsExactly(new Task.CheckItem("准备报价单", false));
        assertThat(task.recurrence()).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
        for (Api.Person sees : List.of(maker, assignee, reader)) {
            assertThat(tasks.get(actor(sees), task.id()).title()).isEqualTo("给张三回电话");
        }
        assertThat(tasks.get(actor(org.adminId()), task.id()).title())
                .as("the administrator")
                .isEqualTo("给张三回电话");
        assertThatThrownBy(() -> tasks.get(actor(stranger), task.id()))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(tasks.list(actor(stranger), TaskService.TaskQuery.all(), null, 50)
                        .items())
                .isEmpty();
        assertThat(tasks.list(actor(reader), TaskService.TaskQuery.all(), null, 50)
                        .items())
                .extracting(Task::id)
                .containsExactly(task.id());

        Api.Org other = api.newOrg("zh-CN");
        assertThatThrownBy(() -> tasks.get(actor(other.adminId()), task.id()))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));

        Task done = tasks.complete(actor(assignee), task.id());
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.completedBy()).isEqualTo(UUID.fromString(assignee.id()));
        Task next = tasks.list(
                        actor(assignee),
                        new TaskService.TaskQuery(UUID.fromString(assignee.id()), null, "open", null, null, null, null),
                        null,
                        50)
                .items()
                .get(0);
        assertThat(next.status()).as("the weekly task's next Monday").isEqualTo("open");
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-12-14T02:00:00Z"));
        assertThat(next.seriesId()).isEqualTo(task.seriesId());
        assertThat(next.checklist()).containsExactly(new Task.CheckItem("准备报价单", false));
        assertThat(tasks.complete(actor(assignee), task.id()).status())
                .as("completing it again opens nothing more")
                .isEqualTo("done");
        assertThat(tasks.list(actor(assignee), TaskService.TaskQuery.all(), null, 50)
                        .items())
                .hasSize(2);
    }

    @Test
    void aTaskForAContactOrMemberTheMakerCannotNameIsRefusedNamingTheField() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person maker = api.newMember(org, "MEMBER");
        Api.Person other = api.newMember(org, "MEMBER");
        String hidden = api.createdId(json(post("/api/v1/contacts"), other.token(), "{\"name\":\"Li Si\"}"));
        UUID stranger = UUID.fromString(api.newOrg("en").adminId());

        assertThatThrownBy(() -> tasks.create(actor(maker), task(List.of(), List.of(UUID.fromString(hidden)))))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("contactIds[0]"));
        assertThatThrownBy(() -> tasks.create(actor(maker), task(List.of(stranger), List.of())))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("assigneeIds[0]"));
        Api.Person left = api.newMember(org, "MEMBER");
        mvc.perform(Api.as(post("/api/v1/members/" + left.id() + "/deactivate"), org.adminToken()));
        assertThatThrownBy(() -> tasks.create(
                        actor(maker),
                        task(List.of(UUID.fromString(other.id()), UUID.fromString(left.id())), List.of())))
                .as("a member who left")
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("assigneeIds[1]"));
    }

    private static TaskService.NewTask task(List<UUID> assignees, List<UUID> contacts) {
        return new TaskService.NewTask(
                "Call back", null, null, null, null, null, List.of(), assignees, contacts, List.of(), List.of());
    }

    private Actor actor(Api.Person person) {
        return actor(person.id());
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
