package io.liaison.task.cadence;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Which contacts are due for a touch: a contact's own cadence wins over its tags', else the shortest
 * of its tags' applies; each reader sees only the due contacts they may see; each due contact is
 * brought up to its owner once per due period, and again only after a new contact and a new lapse.
 */
@LiaisonIntegrationTest
class CadenceIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    ContactSetup setup;

    @Autowired
    CadenceService cadences;

    @Autowired
    CadenceAlerts alerts;

    @Autowired
    AlertRepository alertRepository;

    @Autowired
    @Qualifier("cadenceSweepTask")
    RecurringTask<Void> sweepTask;

    @Autowired
    @Qualifier("cadenceRaiseTask")
    CustomTask<Void> raiseTask;

    @Autowired
    io.liaison.notify.Notifications notificationCentre;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aContactsOwnCadenceWinsElseTheShortestOfItsTags() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Actor admin = actor(org.adminId());
        TagGroup group = setup.createTagGroup(admin, "客户等级", "#336699");
        UUID vip = setup.createTag(admin, group.id(), "重要客户").id();
        UUID key = setup.createTag(admin, group.id(), "关键客户").id();
        cadences.create(admin, null, vip, 14);
        cadences.create(admin, null, key, 7);

        String onlyVip = contact(api, org.adminToken(), "张三", vip);
        String both = contact(api, org.adminToken(), "李四", vip, key);
        String ownLonger = contact(api, org.adminToken(), "王五", vip, key);
        String ownOnly = contact(api, org.adminToken(), "赵六");
        String none = contact(api, org.adminToken(), "钱七");
        cadences.create(admin, UUID.fromString(ownLonger), null, 30);
        cadences.create(admin, UUID.fromString(ownOnly), null, 5);
        for (String id : List.of(onlyVip, both, ownLonger, none)) {
            createdDaysAgo(id, 10);
        }
        lastContactedDaysAgo(ownOnly, 6);

        assertThat(cadences.due(admin, null, 50).items())
                .as("most overdue first: 李四 (7 days, 3 days ago), then 赵六 (5 days, 1 day ago)")
                .extracting(DueContact::name)
                .containsExactly("李四", "赵六");
        DueContact first = cadences.due(admin, null, 50).items().get(0);
        assertThat(first.everyDays()).isEqualTo(7);
        assertThat(first.lastContactedAt())
                .as("never contacted: the clock is its creation")
                .isNull();
        assertThat(first.ownerName()).isNotBlank();
        assertThat(Duration.between(first.dueSince(), Instant.now()).toHours()).isBetween(71L, 73L);

        ContactCadence own = cadences.forContact(admin, UUID.fromString(ownLonger));
        assertThat(own.everyDays()).as("its own 30 days win over its tags' 7").isEqualTo(30);
        assertThat(own.tagDays()).isEqualTo(7);
        assertThat(own.overdue(Instant.now())).isFalse();
        ContactCadence tagged = cadences.forContact(admin, UUID.fromString(both));
        assertThat(tagged.own()).isNull();
        assertThat(tagged.everyDays()).isEqualTo(7);
        assertThat(tagged.tagName()).isEqualTo("关键客户");
        assertThat(tagged.overdue(Instant.now())).isTrue();
        assertThat(cadences.forContact(admin, UUID.fromString(none)).everyDays())
                .isNull();

        cadences.setForTag(admin, key, null);
        assertThat(cadences.due(admin, null, 50).items())
                .as("without the 7-day tag, 14 days apply and nobody tagged is due yet")
                .extracting(DueContact::name)
                .containsExactly("赵六");
    }

    @Test
    void theDueListShowsOnlyTheContactsTheReaderSeesAndPages() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Actor admin = actor(org.adminId());
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person bob = api.newMember(org, "MEMBER");
        TagGroup group = setup.createTagGroup(admin, "Touch tiers", "#336699");
        UUID vip = setup.createTag(admin, group.id(), "VIP").id();
        cadences.create(admin, null, vip, 14);
        String annsFirst = contact(api, ann.token(), "Ann One", vip);
        String annsSecond = contact(api, ann.token(), "Ann Two", vip);
        String bobs = contact(api, bob.token(), "Bob One", vip);
        createdDaysAgo(annsFirst, 30);
        createdDaysAgo(annsSecond, 20);
        createdDaysAgo(bobs, 25);

        assertThat(names(cadences.due(actor(ann.id()), null, 50).items())).containsExactly("Ann One", "Ann Two");
        assertThat(names(cadences.due(actor(bob.id()), null, 50).items())).containsExactly("Bob One");
        assertThat(names(cadences.due(admin, null, 50).items())).containsExactly("Ann One", "Bob One", "Ann Two");
        assertThat(cadences.due(actor(api.newOrg("en").adminId()), null, 50).items())
                .as("another organization's administrator")
                .isEmpty();

        String page = api.answer(as(get("/api/v1/cadences/due?limit=2"), org.adminToken()), 200);
        assertThat(JsonPath.<List<String>>read(page, "$.items[*].name")).containsExactly("Ann One", "Bob One");
        String cursor = JsonPath.read(page, "$.nextCursor");
        String next = api.answer(as(get("/api/v1/cadences/due?limit=2&cursor=" + cursor), org.adminToken()), 200);
        assertThat(JsonPath.<List<String>>read(next, "$.items[*].name")).containsExactly("Ann Two");
        assertThat(JsonPath.<String>read(next, "$.nextCursor")).isNull();
        assertThat(JsonPath.<List<String>>read(next, "$.items[*].ownerName")).doesNotContainNull();

        String theirs = api.answer(as(get("/api/v1/cadences?tagId=" + vip), bob.token()), 200);
        assertThat(JsonPath.<List<Integer>>read(theirs, "$.items[*].everyDays"))
                .as("everyone sees the tags' cadences")
                .containsExactly(14);
    }

    @Test
    void aDueContactIsBroughtUpToItsOwnerOncePerDuePeriod() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        UUID orgId = UUID.fromString(org.id());
        Actor admin = actor(org.adminId());
        Api.Person ann = api.newMember(org, "MEMBER");
        TagGroup group = setup.createTagGroup(admin, "Touch tiers", "#336699");
        UUID vip = setup.createTag(admin, group.id(), "VIP").id();
        cadences.create(admin, null, vip, 14);
        String lone = contact(api, ann.token(), "Zhang Wei", vip);
        createdDaysAgo(lone, 15);

        alerts.raise(orgId);
        assertThat(notifications(ann)).containsExactly("Zhang Wei is due for a touch → /contacts/" + lone);
        alerts.raise(orgId);
        assertThat(notifications(ann)).as("not again on the next run").hasSize(1);

        api.answer(json(post("/api/v1/contacts/" + lone + "/follow-ups"), ann.token(), """
                {"type":"call","content":"Called about the order"}
                """), 201);
        assertThat(cadences.due(actor(ann.id()), null, 50).items())
                .as("a follow-up resets the clock")
                .isEmpty();
        alerts.raise(orgId);
        assertThat(notifications(ann)).hasSize(1);

        lastContactedDaysAgo(lone, 20);
        jdbc.sql("UPDATE follow_up SET occurred_at = now() - interval '20 days' WHERE contact_id = ?")
                .param(UUID.fromString(lone))
                .update();
        String second = contact(api, ann.token(), "Li Na", vip);
        String third = contact(api, ann.token(), "Wang Fang", vip);
        createdDaysAgo(second, 16);
        createdDaysAgo(third, 17);
        alerts.raise(orgId);
        assertThat(notifications(ann))
                .as("after a new lapse, again: one notification for the three due contacts")
                .hasSize(2)
                .first()
                .isEqualTo("3 contacts are due for a touch → /cadences/due");
        alerts.raise(orgId);
        assertThat(notifications(ann)).hasSize(2);
    }

    @Test
    void aBacklogIsBroughtUpABatchAtATimeAndOneOrganizationAtATime() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Org neighbour = api.newOrg("en");
        Api.Person ann = api.newMember(org, "MEMBER");
        Api.Person ned = api.newMember(neighbour, "MEMBER");
        for (String name : List.of("Zhao Lei", "Qian Li", "Sun Yu")) {
            String id = contact(api, ann.token(), name);
            cadences.create(actor(ann.id()), UUID.fromString(id), null, 30);
            createdDaysAgo(id, 40);
        }
        String theirs = contact(api, ned.token(), "Zhou Qi");
        cadences.create(actor(ned.id()), UUID.fromString(theirs), null, 30);
        createdDaysAgo(theirs, 40);
        CadenceAlerts small = new CadenceAlerts(
                alertRepository,
                notificationCentre,
                transaction,
                new CadenceSettings(Duration.ofMinutes(15), 2, Duration.ofMinutes(1)));

        int first = small.raise(UUID.fromString(org.id()));
        assertThat(first).isEqualTo(2);
        assertThat(small.full(first))
                .as("a full batch: another follows after the pause")
                .isTrue();
        assertThat(notifications(ann)).containsExactly("2 contacts are due for a touch → /cadences/due");
        assertThat(notifications(ned))
                .as("another organization's run is its own")
                .isEmpty();
        int second = small.raise(UUID.fromString(org.id()));
        assertThat(second).isEqualTo(1);
        assertThat(small.full(second)).isFalse();
        assertThat(notifications(ann))
                .as("the least overdue in the next batch")
                .hasSize(2)
                .first()
                .asString()
                .startsWith("Sun Yu is due for a touch → /contacts/");
        assertThat(small.raise(UUID.fromString(org.id()))).isZero();
        assertThat(small.raise(UUID.fromString(neighbour.id()))).isEqualTo(1);
        assertThat(notifications(ned)).containsExactly("Zhou Qi is due for a touch → /contacts/" + theirs);
    }

    @Test
    void theSweepStartsARunForEachOrganizationWithCadencesWhichEndsWhenItsBatchWasNotFull() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Api.Person ann = api.newMember(org, "MEMBER");
        String id = contact(api, ann.token(), "Wu Fan");
        cadences.create(actor(ann.id()), UUID.fromString(id), null, 30);
        createdDaysAgo(id, 31);
        SchedulerClient client = Mockito.mock(SchedulerClient.class);

        sweepTask.execute(
                new TaskInstance<>(CadenceSweep.SWEEP, "recurring"), new ExecutionContext(null, null, client, null));
        Mockito.verify(client)
                .scheduleIfNotExists(
                        Mockito.eq(new TaskInstance<Void>(CadenceSweep.RAISE, org.id())), Mockito.any(Instant.class));

        CompletionHandler<Void> done = raiseTask.execute(
                new TaskInstance<>(CadenceSweep.RAISE, org.id()), new ExecutionContext(null, null, client, null));
        assertThat(notifications(ann)).containsExactly("Wu Fan is due for a touch → /contacts/" + id);
        assertThat(done)
                .as("one contact, less than a batch: the run ends")
                .isInstanceOf(CompletionHandler.OnCompleteRemove.class);
    }

    /** The member's cadence notifications, newest first, as "title → link" in English. */
    private List<String> notifications(Api.Person member) throws Exception {
        String body = new Api(mvc)
                .answer(as(get("/api/v1/notifications"), member.token()).header("Accept-Language", "en"), 200);
        List<String> titles = JsonPath.read(body, "$.items[?(@.kind == 'cadence.due')].title");
        List<String> links = JsonPath.read(body, "$.items[?(@.kind == 'cadence.due')].link");
        return java.util.stream.IntStream.range(0, titles.size())
                .mapToObj(i -> titles.get(i) + " → " + links.get(i))
                .toList();
    }

    private static List<String> names(List<DueContact> due) {
        return due.stream().map(DueContact::name).toList();
    }

    private static String contact(Api api, String token, String name, UUID... tags) throws Exception {
        String tagIds = String.join(
                ",", java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").toList());
        return api.createdId(json(post("/api/v1/contacts"), token, """
                {"name":"%s","tagIds":[%s]}
                """.formatted(name, tagIds)));
    }

    private void createdDaysAgo(String contact, int days) {
        jdbc.sql("UPDATE contact SET created_at = now() - make_interval(days => ?) WHERE id = ?")
                .params(days, UUID.fromString(contact))
                .update();
    }

    private void lastContactedDaysAgo(String contact, int days) {
        jdbc.sql("UPDATE contact SET last_contacted_at = now() - make_interval(days => ?), last_activity_at = NULL"
                        + " WHERE id = ?")
                .params(days, UUID.fromString(contact))
                .update();
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
