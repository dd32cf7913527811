package io.liaison.task;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The task API as a client uses it: a task with reminders, moved, cancelled, reopened and done, its
 * reminders re-planned each time; comments; the filters; who may change it; each change audited.
 */
@LiaisonIntegrationTest
class TaskApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void remindersFollowTheTaskAsItMovesIsCancelledReopenedAndDone() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person maker = api.newMember(org, "MEMBER");
        Api.Person doer = api.newMember(org, "MEMBER");
        Instant due = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        JsonNode task = read(
                mvc.perform(json(post("/api/v1/tasks"), maker.token(), """
                        {"title":"给张三回电话","dueAt":"%s","reminders":["PT15M","P1D"],"assigneeIds":["%s"]}
                        """.formatted(due, doer.id())))
                        .andReturn(),
                201);
        String id = task.get("id").asText();
        assertThat(task.get("reminders").toString()).isEqualTo("[\"PT24H\",\"PT15M\"]");
        assertThat(task.get("assigneeNames").get(0).asText()).isEqualTo(name(doer));
        assertThat(fireTimes(id)).containsExactly(due.minus(1, ChronoUnit.DAYS), due.minus(15, ChronoUnit.MINUTES));
        assertThat(notifications(doer)).as("the assignee is told").contains("task.assigned");
        assertThat(notifications(maker))
                .as("the maker is not told of their own doing")
                .doesNotContain("task.assigned");

        Instant later = due.plus(2, ChronoUnit.HOURS);
        read(
                mvc.perform(json(patch("/api/v1/tasks/" + id), doer.token(), "{\"dueAt\":\"" + later + "\"}")
                                .header("If-Match", "\"0\""))
                        .andReturn(),
                200);
        assertThat(fireTimes(id))
                .as("moved with the task")
                .containsExactly(later.minus(1, ChronoUnit.DAYS), later.minus(15, ChronoUnit.MINUTES));
        assertThat(mvc.perform(json(patch("/api/v1/tasks/" + id), doer.token(), "{\"title\":\"x\"}")
                                .header("If-Match", "\"0\""))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("a change from an old version")
                .isEqualTo(412);

        read(
                mvc.perform(json(patch("/api/v1/tasks/" + id), maker.token(), "{\"status\":\"cancelled\"}"))
                        .andReturn(),
                200);
        assertThat(fireTimes(id)).as("a cancelled task reminds nobody").isEmpty();
        read(
                mvc.perform(json(patch("/api/v1/tasks/" + id), maker.token(), "{\"status\":\"open\"}"))
                        .andReturn(),
                200);
        assertThat(fireTimes(id)).as("reopened").hasSize(2);
        JsonNode done = read(
                mvc.perform(as(post("/api/v1/tasks/" + id + "/complete"), doer.token()))
                        .andReturn(),
                200);
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(fireTimes(id)).as("a done task reminds nobody").isEmpty();

        assertThat(jdbc.sql(
                                "SELECT action FROM audit_event WHERE org_id = ?::uuid AND target_id = ?::uuid ORDER BY at, id")
                        .params(org.id(), id)
                        .query(String.class)
                        .list())
                .containsExactly("task.created", "task.updated", "task.updated", "task.updated", "task.completed");
    }

    @Test
    void badRemindersAndGroupsAreRefusedAtTheirFieldsAndReadersThroughAContactMayCommentButNotChange()
            throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person maker = api.newMember(org, "MEMBER");
        Api.Person reader = api.newMember(org, "MEMBER");
        Api.Person stranger = api.newMember(org, "MEMBER");
        String contact = api.createdId(json(post("/api/v1/contacts"), maker.token(), """
                {"name":"Zhang San","shareUserIds":["%s"]}
                """.formatted(reader.id())));
        String foreignGroup = api.createdId(
                json(post("/api/v1/conversations"), stranger.token(), "{\"kind\":\"internal\",\"name\":\"m\"}"));
        String due = Instant.now().plus(1, ChronoUnit.DAYS).toString();

        assertThat(problem(json(post("/api/v1/tasks"), maker.token(), """
                        {"title":"Call","dueAt":"%s","reminders":["soon"]}""".formatted(due))))
                .containsEntry(
                        "reminders[0]", "must be a time before the due time such as PT15M or P1D, at most 30 days");
        assertThat(problem(json(post("/api/v1/tasks"), maker.token(), """
                        {"title":"Call","dueAt":"%s","reminders":["P31D"]}""".formatted(due))))
                .containsKey("reminders[0]");
        assertThat(problem(json(post("/api/v1/tasks"), maker.token(), """
                        {"title":"Call","reminders":["PT15M"]}""")))
                .as("reminders need a due time")
                .containsKey("dueAt");
        assertThat(problem(json(post("/api/v1/tasks"), maker.token(), """
                        {"title":"Call","conversationIds":["%s"]}""".formatted(foreignGroup))))
                .containsEntry("conversationIds[0]", "must be a group you are in (" + foreignGroup + " is not)");

        String id = api.createdId(json(post("/api/v1/tasks"), maker.token(), """
                {"title":"Call Zhang San","dueAt":"%s","contactIds":["%s"]}""".formatted(due, contact)));
        JsonNode seen =
                read(mvc.perform(as(get("/api/v1/tasks/" + id), reader.token())).andReturn(), 200);
        assertThat(seen.get("contactNames").get(0).asText()).isEqualTo("Zhang San");
        assertThat(mvc.perform(json(patch("/api/v1/tasks/" + id), reader.token(), "{\"title\":\"Mine\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(as(delete("/api/v1/tasks/" + id), reader.token()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
        read(
                mvc.perform(json(
                                post("/api/v1/tasks/" + id + "/comments"),
                                reader.token(),
                                "{\"body\":\"He asked for Friday\"}"))
                        .andReturn(),
                201);
        JsonNode comments = read(
                mvc.perform(as(get("/api/v1/tasks/" + id + "/comments"), maker.token()))
                        .andReturn(),
                200);
        assertThat(comments.get("items").get(0).get("body").asText()).isEqualTo("He asked for Friday");
        assertThat(comments.get("items").get(0).get("authorName").asText()).isEqualTo(name(reader));
        assertThat(mvc.perform(json(post("/api/v1/tasks/" + id + "/comments"), stranger.token(), "{\"body\":\"x\"}"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("someone who does not see the task")
                .isEqualTo(404);

        assertThat(ids(get("/api/v1/tasks?contactId=" + contact), reader)).containsExactly(id);
        assertThat(ids(get("/api/v1/tasks?status=done"), maker)).isEmpty();
        assertThat(ids(get("/api/v1/tasks?dueBefore=" + Instant.now()), maker)).isEmpty();
        assertThat(ids(get("/api/v1/tasks?dueFrom=" + Instant.now()), maker)).containsExactly(id);
        assertThat(ids(get("/api/v1/tasks?createdBy=" + maker.id()), reader)).containsExactly(id);
        assertThat(ids(get("/api/v1/tasks?createdBy=" + reader.id()), reader)).isEmpty();

        assertThat(mvc.perform(as(delete("/api/v1/tasks/" + id), maker.token()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(204);
        assertThat(mvc.perform(as(get("/api/v1/tasks/" + id), maker.token()))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private List<Instant> fireTimes(String taskId) {
        return jdbc.sql("""
                        SELECT fire_at FROM task_reminder
                         WHERE subject_kind = 'task' AND subject_id = ?::uuid AND fired_at IS NULL ORDER BY fire_at
                        """)
                .param(taskId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .list();
    }

    private List<String> notifications(Api.Person person) {
        return jdbc.sql("SELECT kind FROM notification WHERE member_id = ?::uuid")
                .param(person.id())
                .query(String.class)
                .list();
    }

    private String name(Api.Person person) {
        return jdbc.sql("SELECT display_name FROM member WHERE id = ?::uuid")
                .param(person.id())
                .query(String.class)
                .single();
    }

    private List<String> ids(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Api.Person person)
            throws Exception {
        JsonNode page = read(mvc.perform(as(request, person.token())).andReturn(), 200);
        return page.get("items").valueStream().map(t -> t.get("id").asText()).toList();
    }

    /** The fields a 400 names, with their messages. */
    private Map<String, String> problem(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        JsonNode body = read(mvc.perform(request).andReturn(), 400);
        return body.get("errors")
                .valueStream()
                .collect(java.util.stream.Collectors.toMap(
                        e -> e.get("field").asText(), e -> e.get("message").asText()));
    }

    private static JsonNode read(MvcResult result, int status) throws Exception {
        String body = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(status);
        return JSON.readTree(body.isEmpty() ? "{}" : body);
    }
}
