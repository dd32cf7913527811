package io.liaison.review.handover;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member leaves and an administrator hands over what they held: nothing stays without an owner,
 * every record says who took over, the contacts are told, and a job cut short by a restart goes on
 * where it stopped.
 */
@LiaisonIntegrationTest
class HandOverIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HandOverRunner runner;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aDeactivatedMembersContactsGroupsAndTasksAllGoToTheReceiverAndNothingIsLeft() throws Exception {
        HandOverWorld w = new HandOverWorld(mvc, members, jdbc, "zh-CN");
        String zhang = w.contact("张三", "zhangsan@example.cn");
        String li = w.contact("李四", null);
        String group = w.group("华东客户群", zhang);
        String task = w.task("给张三回电话", zhang);
        String loose = w.task("整理名片", li);
        w.deactivateLeaver();

        assertThat(unreadNotices(w))
                .as("the administrator is told what is left")
                .hasSize(1);
        assertThat(w.api.answer(
                        Api.as(get("/api/v1/notifications?unread=true"), w.org.adminToken())
                                .header("Accept-Language", "zh-CN"),
                        200))
                .contains(name(w, w.leaver.id()) + " 已停用，仍有 2 位联系人、1 个群、2 个任务待交接")
                .contains("/review/hand-overs/" + w.leaver.id());
        assertThat(w.page("/members?inactive=true", "zh-CN"))
                .as("the member list shows the deactivation as not complete")
                .contains("停用未完成：仍有 2 位联系人、1 个群、2 个待办任务待交接")
                .contains("/review/hand-overs/" + w.leaver.id());
        assertThat(w.page("/review/hand-overs", "zh-CN")).contains("waiting-" + w.leaver.id());

        String id = w.start("{\"toMemberId\":\"%s\",\"message\":\"今后由同事继续为你服务。\"}".formatted(w.receiver.id()));
        runner.run(w.orgId(), UUID.fromString(id));

        String done = w.read("/api/v1/hand-overs/" + id);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("done");
        assertThat((Integer) JsonPath.read(done, "$.contacts")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(done, "$.conversations")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(done, "$.tasks")).isEqualTo(2);
        assertThat(w.ownerOf(zhang)).isEqualTo(w.receiver.id());
        assertThat(w.ownerOf(li)).isEqualTo(w.receiver.id());
        assertThat(w.read("/api/v1/contacts/" + zhang + "/timeline"))
                .as("the timeline says who handed it from whom to whom")
                .contains("owner_changed")
                .contains(w.leaver.id())
                .contains(w.receiver.id())
                .contains(w.org.adminId());
        assertThat(jdbc.sql("SELECT owner_id::text FROM conversation WHERE org_id = ? AND id = ?::uuid")
                        .params(w.orgId(), group)
                        .query(String.class)
                        .single())
                .isEqualTo(w.receiver.id());
        assertThat(jdbc.sql("""
                        SELECT role FROM conversation_participant
                         WHERE org_id = ? AND conversation_id = ?::uuid AND member_id = ?::uuid AND left_at IS NULL
                        """)
                        .params(w.orgId(), group, w.receiver.id())
                        .query(String.class)
                        .single())
                .as("the receiver joined the group as its owner")
                .isEqualTo("owner");
        for (String t : List.of(task, loose)) {
            String answer = w.read("/api/v1/tasks/" + t);
            assertThat((List<String>) JsonPath.read(answer, "$.assigneeIds")).containsExactly(w.receiver.id());
        }
        assertThat(actions(w, task)).as("the task's history").contains("task.updated");
        assertThat(actions(w, w.leaver.id())).contains("review.handed-over");
        assertThat(jdbc.sql("""
                        SELECT email_address FROM delivery
                         WHERE org_id = ? AND origin_module = 'review' AND origin_id = ?::uuid
                        """).params(w.orgId(), id).query(String.class).list())
                .as("the contact with an e-mail address is told, once")
                .containsExactly("zhangsan@example.cn");
        assertThat(jdbc.sql("""
                        SELECT message::text FROM delivery WHERE org_id = ? AND origin_module = 'review'
                        """).params(w.orgId()).query(String.class).single())
                .contains("今后由同事继续为你服务。")
                .contains(name(w, w.receiver.id()));
        assertThat(jdbc.sql("""
                        SELECT state FROM review_handover_contact WHERE org_id = ? AND contact_id = ?::uuid
                        """).params(w.orgId(), li).query(String.class).single())
                .as("one without an address is skipped, and says so")
                .isEqualTo("skipped");

        assertThat(unreadNotices(w)).as("the notice is settled").isEmpty();
        assertThat(w.page("/members?inactive=true", "zh-CN")).doesNotContain("停用未完成");
        assertThat(w.page("/review/hand-overs", "zh-CN")).doesNotContain("waiting-" + w.leaver.id());
    }

    @Test
    void aTagFilterMovesOnlyItsContactsWithTheirGroupsAndTasks() throws Exception {
        HandOverWorld w = new HandOverWorld(mvc, members, jdbc, "en");
        String vip = w.tag(Api.unique("Level"), "VIP");
        String chosen = w.contact("Zhang San", null, vip);
        String other = w.contact("Li Si", null);
        String chosenTask = w.task("Call Zhang San", chosen);
        String otherTask = w.task("Call Li Si", other);
        String otherGroup = w.group("Li Si's group", other);

        String id = w.start("""
                {"toMemberId":"%s","filter":{"tagIds":["%s"]}}""".formatted(w.receiver.id(), vip));
        runner.run(w.orgId(), UUID.fromString(id));

        assertThat(w.ownerOf(chosen)).isEqualTo(w.receiver.id());
        assertThat(w.ownerOf(other)).isEqualTo(w.leaver.id());
        assertThat((List<String>) JsonPath.read(w.read("/api/v1/tasks/" + chosenTask), "$.assigneeIds"))
                .containsExactly(w.receiver.id());
        assertThat((List<String>) JsonPath.read(w.read("/api/v1/tasks/" + otherTask), "$.assigneeIds"))
                .containsExactly(w.leaver.id());
        assertThat(jdbc.sql("SELECT owner_id::text FROM conversation WHERE org_id = ? AND id = ?::uuid")
                        .params(w.orgId(), otherGroup)
                        .query(String.class)
                        .single())
                .isEqualTo(w.leaver.id());
    }

    @Test
    void aJobCutShortAfterABatchGoesOnFromItsCursorWithoutDoingAnythingTwice() throws Exception {
        HandOverWorld w = new HandOverWorld(mvc, members, jdbc, "en");
        for (int i = 0; i < 5; i++) {
            w.contact("Contact " + i, "c" + i + "@example.com");
        }
        String id = w.start("{\"toMemberId\":\"%s\",\"message\":\"Hello\"}".formatted(w.receiver.id()));
        UUID handOver = UUID.fromString(id);

        Boolean more = transaction.execute(status -> runner.batch(w.orgId(), handOver, 2));
        assertThat(more).isTrue();
        String halfway = w.read("/api/v1/hand-overs/" + id);
        assertThat((Integer) JsonPath.read(halfway, "$.contacts")).isEqualTo(2);
        assertThat((String) JsonPath.read(halfway, "$.status")).isEqualTo("running");

        // The node died here; another takes the job over from what the database holds.
        runner.run(w.orgId(), handOver);

        String done = w.read("/api/v1/hand-overs/" + id);
        assertThat((Integer) JsonPath.read(done, "$.contacts")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(done, "$.messages")).isEqualTo(5);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM delivery WHERE org_id = ? AND origin_module = 'review' AND origin_id = ?
                        """)
                        .params(w.orgId(), handOver)
                        .query(Integer.class)
                        .single())
                .as("each contact told once")
                .isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE org_id = ? AND owner_id = ?::uuid")
                        .params(w.orgId(), w.leaver.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAdministratorsHandOverAndABadReceiverIsNamedInTheCallersLanguage() throws Exception {
        HandOverWorld zh = new HandOverWorld(mvc, members, jdbc, "zh-CN");
        String forbidden = zh.api.answer(
                json(post("/api/v1/members/" + zh.leaver.id() + "/hand-over"), zh.receiver.token(), """
                        {"toMemberId":"%s"}""".formatted(
                                        zh.receiver.id()))
                        .header("Accept-Language", "zh-CN"),
                403);
        assertThat(forbidden).contains("交接成员的联系人、群和任务");
        String self = zh.api.answer(
                json(post("/api/v1/members/" + zh.leaver.id() + "/hand-over"), zh.org.adminToken(), """
                        {"toMemberId":"%s"}""".formatted(
                                        zh.leaver.id()))
                        .header("Accept-Language", "zh-CN"),
                400);
        assertThat(self).contains("toMemberId").contains("必须是交出方以外的成员");

        HandOverWorld en = new HandOverWorld(mvc, members, jdbc, "en");
        Api.Person gone = en.api.newMember(en.org, "MEMBER");
        en.api.answer(Api.as(post("/api/v1/members/" + gone.id() + "/deactivate"), en.org.adminToken()), 200);
        String inactive = en.api.answer(
                json(post("/api/v1/members/" + en.leaver.id() + "/hand-over"), en.org.adminToken(), """
                        {"toMemberId":"%s","include":["tasks"]}""".formatted(
                                        gone.id()))
                        .header("Accept-Language", "en"),
                400);
        assertThat(inactive).contains("toMemberId").contains("is deactivated: choose an active member");
        String forbiddenEn = en.api.answer(
                json(post("/api/v1/members/" + en.leaver.id() + "/hand-over"), en.receiver.token(), """
                        {"toMemberId":"%s"}""".formatted(
                                        en.receiver.id()))
                        .header("Accept-Language", "en"),
                403);
        assertThat(forbiddenEn).contains("hand over a member's contacts, groups and tasks");
    }

    @Test
    void aMemberWhoLeavesADepartmentWithContactsIsBroughtToTheAdministrators() throws Exception {
        HandOverWorld w = new HandOverWorld(mvc, members, jdbc, "zh-CN");
        String sales = w.api.newDepartment(w.org, Api.unique("销售部"), null);
        Api.Person mover = w.api.newMember(w.org, "MEMBER", sales);
        w.api.createdId(json(post("/api/v1/contacts"), w.org.adminToken(), """
                {"name":"王五","ownerId":"%s"}""".formatted(mover.id())));
        assertThat(unreadNotices(w)).isEmpty();

        w.api.answer(json(patch("/api/v1/members/" + mover.id()), w.org.adminToken(), "{\"departmentIds\":[]}"), 200);

        assertThat(w.api.answer(
                        Api.as(get("/api/v1/notifications?unread=true"), w.org.adminToken())
                                .header("Accept-Language", "zh-CN"),
                        200))
                .contains(name(w, mover.id()) + " 已调离部门，仍有 1 位联系人、0 个群、0 个任务")
                .contains("/review/hand-overs/" + mover.id());
    }

    private List<String> unreadNotices(HandOverWorld w) {
        return jdbc.sql("""
                        SELECT title FROM notification
                         WHERE org_id = ? AND member_id = ?::uuid AND kind = 'review.handover' AND read_at IS NULL
                        """)
                .params(w.orgId(), w.org.adminId())
                .query(String.class)
                .list();
    }

    private List<String> actions(HandOverWorld w, String target) {
        return jdbc.sql("SELECT action FROM audit_event WHERE org_id = ? AND target_id = ?::uuid")
                .params(w.orgId(), target)
                .query(String.class)
                .list();
    }

    private String name(HandOverWorld w, String memberId) {
        return jdbc.sql("SELECT display_name FROM member WHERE org_id = ? AND id = ?::uuid")
                .params(w.orgId(), memberId)
                .query(String.class)
                .single();
    }
}
