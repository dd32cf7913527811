package io.liaison.review.finding;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Check now" queues the organization's check under the organization's id, so that db-scheduler keeps
 * at most one of it waiting, and says that one is on its way and when the latest finished.
 */
@LiaisonIntegrationTest
class CheckNowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    FindingRun run;

    @Test
    void checkNowQueuesTheOrganizationsOneCheckAndSaysItIsOnItsWay() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person member = api.newMember(org, "MEMBER");
        Actor actor = members.actor(UUID.fromString(member.id())).orElseThrow();
        TaskInstance<Void> instance = new TaskInstance<>(FindingTasks.CHECK, org.id());
        SchedulerClient client = Mockito.mock(SchedulerClient.class);
        Mockito.when(client.scheduleIfNotExists(Mockito.eq(instance), Mockito.any(Instant.class)))
                .thenReturn(true, false);
        @SuppressWarnings("unchecked")
        ScheduledExecution<Object> waiting = Mockito.mock(ScheduledExecution.class);
        Mockito.when(client.getScheduledExecution(instance)).thenReturn(Optional.of(waiting));
        FindingChecks checks = new FindingChecks(
                jdbc,
                new StaticListableBeanFactory(Map.of("scheduler", client)).getBeanProvider(SchedulerClient.class));

        FindingChecks.CheckState asked = checks.checkNow(actor);
        assertThat(asked.pending()).isTrue();
        assertThat(asked.running()).isFalse();
        assertThat(asked.finishedAt()).isNull();
        checks.checkNow(actor);
        Mockito.verify(client, Mockito.times(2)).scheduleIfNotExists(Mockito.eq(instance), Mockito.any(Instant.class));

        run.run(UUID.fromString(org.id()));
        Mockito.when(client.getScheduledExecution(instance)).thenReturn(Optional.empty());
        FindingChecks.CheckState done = checks.state(actor);
        assertThat(done.pending()).isFalse();
        assertThat(done.finishedAt()).isNotNull().isBefore(Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("SELECT requested_by FROM review_check WHERE org_id = ?")
                        .param(UUID.fromString(org.id()))
                        .query(UUID.class)
                        .single())
                .isEqualTo(UUID.fromString(member.id()));
    }
}
