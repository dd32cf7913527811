package io.liaison.task.reminder;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import io.liaison.task.ReminderFired;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders as their member notices them, fired by the worker (which the scheduler runs outside
 * tests; {@code ReminderNodesRuntimeIntegrationTests} has it run by the scheduler): the bell rings at
 * the reminder's time and not before, with the task's title and due time in the member's zone; a
 * re-planned reminder rings at its new time only and a cancelled one never; the member's preferences
 * decide where it goes (an e-mail, received by GreenMail, instead of the bell); a reminder of a task
 * done in between, or that the member no longer sees, is dropped with its reason and says nothing.
 */
@LiaisonIntegrationTest
class ReminderIntegrationTests {

    static final int PORT = GreenMailSmtp.freePort();
    static final Queue<ReminderFired> FIRED = new ConcurrentLinkedQueue<>();

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailSmtp.server(PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        GreenMailSmtp.settings(registry, PORT);
    }

    /** A subject kind whose reminders fail to say anything, as a subject with a bug would. */
    static final String BROKEN = "test-broken";

    @TestConfiguration
    static class FiredEvents {
        @Bean
        ReminderSubject brokenSubject() {
            return new ReminderSubject() {
                @Override
                public String kind() {
                    return BROKEN;
                }

                @Override
                public java.util.Optional<io.liaison.notify.NewNotification> describe(
                        UUID orgId, UUID subjectId, UUID memberId, Instant fireAt) {
                    throw new IllegalStateException("no words for " + subjectId);
                }
            };
        }

        @Bean
        Object reminderFiredRecorder() {
            return new Object() {
                @EventListener
                void on(ReminderFired event) {
                    FIRED.add(event);
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reminders reminders;

    @Autowired
    TaskService tasks;

    @Autowired
    MemberService members;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReminderWorker worker;

    Api api;
    Api.Org org;
    Api.Person me;

    /** The member's own address: another test's pending member mail may reach this server too. */
    private String address() {
        return me.id() + "@example.cn";
    }

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        me = api.newMember(org, "MEMBER");
        jdbc.sql("UPDATE member SET email = ?, time_zone = 'Asia/Shanghai' WHERE id = ?")
                .params(address(), UUID.fromString(me.id()))
                .update();
    }

    @Test
    void theBellRingsAtTheRemindersTimeAndNotBeforeSayingTheTaskAndItsDueTimeInMyZone() throws Exception {
        Task task = task("给张三回电话");
        Instant at = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        plan(task, at);

        sleepUntil(at.minusMillis(500));
        worker.fireDue();
        assertThat(bell()).as("before its time").isZero();
        await(Duration.ofSeconds(30), () -> bell() == 1);
        assertThat(firedAt(task)).isAfterOrEqualTo(at);

        String page = api.answer(
                as(get("/api/v1/notifications"), me.token()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 200);
        assertThat(JsonPath.<String>read(page, "$.items[0].title")).isEqualTo("提醒：给张三回电话");
        assertThat(JsonPath.<String>read(page, "$.items[0].body"))
                .as("due 2026-12-07T02:00Z, in Shanghai")
                .isEqualTo("给张三回电话 的截止时间是 2026-12-07 10:00。");
        assertThat(JsonPath.<String>read(page, "$.items[0].link")).isEqualTo("/tasks/" + task.id());
        assertThat(FIRED)
                .filteredOn(e -> e.subjectId().equals(task.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.subjectKind()).isEqualTo("task");
                    assertThat(e.memberId()).isEqualTo(UUID.fromString(me.id()));
                    assertThat(e.fireAt())
                            .as("as stored, to the microsecond")
                            .isCloseTo(at, within(1, java.time.temporal.ChronoUnit.MICROS));
                    assertThat(e.firedAt()).isAfterOrEqualTo(at);
                });
    }

    @Test
    void aReplacedReminderRingsAtItsNewTimeOnlyAndACancelledOneNever() throws Exception {
        Task moved = task("改期的任务");
        plan(moved, Instant.now().plus(Duration.ofHours(1)));
        Instant soon = Instant.now().plusSeconds(2);
        plan(moved, soon);
        Task cancelled = task("取消的任务");
        plan(cancelled, Instant.now().plusSeconds(2));
        transaction.executeWithoutResult(s -> reminders.cancel(orgId(), "task", cancelled.id()));
        Task kept = task("回滚后仍提醒的任务");
        plan(kept, Instant.now().plusSeconds(2));
        transaction.executeWithoutResult(s -> {
            reminders.cancel(orgId(), "task", kept.id());
            s.setRollbackOnly();
        });

        await(Duration.ofSeconds(30), () -> bell() == 2);
        Thread.sleep(2_000);
        assertThat(links()).containsExactlyInAnyOrder("/tasks/" + moved.id(), "/tasks/" + kept.id());
        assertThat(rows(moved)).as("the hour-ahead reminder was replaced").containsExactly("notified");
        assertThat(rows(cancelled)).isEmpty();
    }

    @Test
    void aPlanIsReplacedInTheCallersTransactionAndHoldsAtMostAHundredReminders() {
        Task task = task("太多提醒");
        UUID member = UUID.fromString(me.id());
        assertThatThrownBy(() -> reminders.replace(
                        orgId(), "task", task.id(), List.of(new Reminders.Planned(member, Instant.now()))))
                .isInstanceOf(IllegalTransactionStateException.class);
        List<Reminders.Planned> many = IntStream.range(0, Reminders.MAX_PER_SUBJECT + 1)
                .mapToObj(i -> new Reminders.Planned(member, Instant.now().plus(Duration.ofDays(i + 1))))
                .toList();
        assertThatThrownBy(() ->
                        transaction.executeWithoutResult(s -> reminders.replace(orgId(), "task", task.id(), many)))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("reminders"));
        transaction.executeWithoutResult(
                s -> reminders.replace(orgId(), "task", task.id(), many.subList(0, Reminders.MAX_PER_SUBJECT)));
        assertThat(rows(task)).hasSize(Reminders.MAX_PER_SUBJECT).containsOnly("unfired");
    }

    @Test
    void aMemberWhoChoseEmailForRemindersGetsAnEmailAndNoBell() throws Exception {
        api.answer(json(put("/api/v1/notification-preferences"), me.token(), """
                {"kinds":[{"kind":"task.reminder","inApp":false,"email":true}],"quietHours":null}
                """), 200);
        Task task = task("寄合同");
        plan(task, Instant.now());

        await(Duration.ofSeconds(30), () -> rows(task).equals(List.of("notified")));
        await(Duration.ofSeconds(30), () -> {
            Drain.now(context);
            return GreenMailSmtp.receivedBy(greenMail, address()).length == 1;
        });
        MimeMessage mail = GreenMailSmtp.receivedBy(greenMail, address())[0];
        assertThat(mail.getSubject()).isEqualTo("提醒：寄合同");
        assertThat(bell()).as("not on the bell").isZero();
        assertThat(rows(task)).containsExactly("notified");
    }

    @Test
    void aReminderOfATaskDoneOrNoLongerSeenIsDroppedWithItsReasonAndSaysNothing() throws Exception {
        Task done = task("已完成的任务");
        tasks.complete(actor(me.id()), done.id());
        Api.Person stranger = api.newMember(org, "MEMBER");
        Task unseen = task("别人看不到的任务");
        transaction.executeWithoutResult(s -> {
            reminders.replace(orgId(), "task", done.id(), List.of(new Reminders.Planned(member(), Instant.now())));
            reminders.replace(
                    orgId(),
                    "task",
                    unseen.id(),
                    List.of(new Reminders.Planned(UUID.fromString(stranger.id()), Instant.now())));
        });

        await(
                Duration.ofSeconds(30),
                () -> !rows(done).contains("unfired") && !rows(unseen).contains("unfired"));
        assertThat(rows(done)).containsExactly("dropped no-longer-applies");
        assertThat(rows(unseen)).containsExactly("dropped no-longer-applies");
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE org_id = ?")
                        .param(orgId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(FIRED)
                .noneMatch(e -> e.subjectId().equals(done.id()) || e.subjectId().equals(unseen.id()));
    }

    @Test
    void aReminderThatFailsIsRecordedAsFailedAndTheOthersOfItsBatchRingOnce() throws Exception {
        Task task = task("同批的任务");
        UUID broken = UUID.randomUUID();
        Instant now = Instant.now();
        transaction.executeWithoutResult(s -> {
            reminders.replace(orgId(), BROKEN, broken, List.of(new Reminders.Planned(member(), now)));
            reminders.replace(orgId(), "task", task.id(), List.of(new Reminders.Planned(member(), now)));
        });

        await(Duration.ofSeconds(30), () -> rows(task).equals(List.of("notified")));
        assertThat(jdbc.sql("SELECT outcome || ' ' || reason FROM task_reminder WHERE org_id = ? AND subject_id = ?")
                        .params(orgId(), broken)
                        .query(String.class)
                        .single())
                .isEqualTo("failed IllegalStateException: no words for " + broken);
        assertThat(bell()).as("the other reminder of the batch rang once").isEqualTo(1);
    }

    private Task task(String title) {
        return tasks.create(
                actor(me.id()),
                new TaskService.NewTask(
                        title,
                        null,
                        null,
                        Instant.parse("2026-12-07T02:00:00Z"),
                        "Asia/Shanghai",
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));
    }

    private void plan(Task task, Instant at) {
        transaction.executeWithoutResult(
                s -> reminders.replace(orgId(), "task", task.id(), List.of(new Reminders.Planned(member(), at))));
    }

    private long bell() {
        return jdbc.sql(
                        "SELECT count(*) FROM notification WHERE org_id = ? AND member_id = ? AND kind = 'task.reminder'")
                .params(orgId(), member())
                .query(Long.class)
                .single();
    }

    private List<String> links() {
        return jdbc.sql("SELECT link FROM notification WHERE org_id = ? AND member_id = ?")
                .params(orgId(), member())
                .query(String.class)
                .list();
    }

    /** The task's reminders, as "unfired", "outcome" or "outcome reason". */
    private List<String> rows(Task task) {
        return jdbc.sql("""
                        SELECT coalesce(outcome || coalesce(' ' || reason, ''), 'unfired') FROM task_reminder
                         WHERE org_id = ? AND subject_kind = 'task' AND subject_id = ?
                        """).params(orgId(), task.id()).query(String.class).list();
    }

    private Instant firedAt(Task task) {
        return jdbc.sql("SELECT fired_at FROM task_reminder WHERE org_id = ? AND subject_id = ?")
                .params(orgId(), task.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }

    private UUID orgId() {
        return UUID.fromString(org.id());
    }

    private UUID member() {
        return UUID.fromString(me.id());
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /** Has the worker fire what is due (the scheduler does not run in tests) until {@code done}. */
    private void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (worker.fireDue() >= 0 && !done.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", timeout).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
