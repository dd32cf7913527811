package io.liaison.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.analytics.FiguresRebuild;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures kept from events equal a recomputation from scratch: a random stream of what members,
 * guests and an administrator do through the API (seeded; the seed is printed, and
 * {@code -Dfigures.seed=N} repeats a stream) leaves exactly the rows the rebuild computes, in every
 * figure table. Delivered again, some twice and all in a shuffled order, onto emptied tables, the same
 * events leave the same rows again.
 */
@LiaisonIntegrationTest
@RecordApplicationEvents
class FiguresRecomputationIntegrationTests {

    private static final List<String> TABLES = List.of(
            "analytics_member_day",
            "analytics_contact_day",
            "analytics_reply",
            "analytics_conversation_day",
            "analytics_task_done",
            "analytics_contact_last",
            "analytics_tag_day");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FiguresRebuild rebuild;

    @Autowired
    FigureListeners listeners;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MemberSets sets;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void keptFiguresEqualTheRebuildAndSurviveRedeliveryInAnyOrder() throws Exception {
        long seed = Long.getLong("figures.seed", System.nanoTime());
        System.out.println("FiguresRecomputationIntegrationTests seed " + seed);
        Random random = new Random(seed);
        FigureWorld world = new FigureWorld(mvc, random);
        UUID org = UUID.fromString(world.org.id());
        Supplier<String> context = () -> "seed " + seed + ", steps " + world.log;
        keepSets(org);
        Map<String, List<String>> kept = Map.of();
        for (int i = 1; i <= 160; i++) {
            try {
                world.step();
            } catch (AssertionError refused) {
                throw new AssertionError("a step of the stream was refused; " + context.get(), refused);
            }
            if (i % 8 == 0) {
                // every 8 steps: a later step cannot mend what an earlier one left wrong
                kept = rebuildAgrees(org, context.get());
            }
        }
        assertThat(metrics(org))
                .as("the stream reached every kind of figure it drives; " + context.get())
                .contains(
                        "contacts.new",
                        "contacts.active",
                        "messages.sent",
                        "messages.received",
                        "groups.active",
                        "replies.asked",
                        "replies.answered",
                        "push.opt-outs");

        List<Object> recorded = events.stream()
                .map(e -> e instanceof PayloadApplicationEvent<?> p ? p.getPayload() : e)
                .filter(e -> handler(e).isPresent() && org.equals(orgOf(e)))
                .collect(Collectors.toCollection(ArrayList::new));
        List<Object> again = new ArrayList<>(recorded);
        recorded.stream().filter(e -> random.nextInt(3) == 0).forEach(again::add);
        Collections.shuffle(again, random);
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE org_id = ?").param(org).update();
        }
        for (Object e : again) {
            handler(e).orElseThrow().invoke(listeners, e);
        }
        assertThat(snapshot(org))
                .as(
                        "%d events delivered again, %d of them twice, shuffled; %s",
                        recorded.size(), again.size() - recorded.size(), context.get())
                .isEqualTo(kept);
        assertTotalsAddUp(org, context.get());
        assertThat(kept.get("analytics_tag_day"))
                .as("some contact of the stream has a tag")
                .isNotEmpty();
        assertThat(jdbc.sql("SELECT count(DISTINCT scope) FROM analytics_tag_set_day WHERE org_id = ?")
                        .param(org)
                        .query(Long.class)
                        .single())
                .as("both kept sets hold counts")
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(DISTINCT scope) FROM analytics_set_day WHERE org_id = ?")
                        .param(org)
                        .query(Long.class)
                        .single())
                .as("both kept sets hold figures")
                .isEqualTo(2);
    }

    @Test
    void aRecalledMessageTakesBackTheDayItMadeItsContactActive() throws Exception {
        FigureWorld world = new FigureWorld(mvc, new Random(24));
        UUID org = UUID.fromString(world.org.id());
        world.message(false);
        rebuildAgrees(org, "a guest's first message");
        assertThat(lastActiveDays(org))
                .as("the guest's contact is active today")
                .hasSize(1);
        world.recall();
        rebuildAgrees(org, "the message recalled");
        assertThat(lastActiveDays(org))
                .as("with its only message recalled, no contact was ever active")
                .isEmpty();
    }

    private List<String> lastActiveDays(UUID org) {
        return jdbc.sql(
                        "SELECT last_active::text FROM analytics_contact_last WHERE org_id = ? AND last_active IS NOT NULL")
                .param(org)
                .query(String.class)
                .list();
    }

    /** The kept rows, after checking that the rebuild computes the same ones. */
    private Map<String, List<String>> rebuildAgrees(UUID org, String context) {
        Map<String, List<String>> kept = snapshot(org);
        assertTotalsAddUp(org, context);
        FiguresRebuild.Rebuilt rebuilt = rebuild.rebuild(org);
        assertThat(snapshot(org)).as(context).isEqualTo(kept);
        assertTotalsAddUp(org, "after the rebuild, which forgets the member sets; " + context);
        keepSets(org);
        assertThat(rebuilt.differing()).as(context).isZero();
        assertThat(rebuilt.rows())
                .isEqualTo(kept.values().stream().mapToLong(List::size).sum());
        return kept;
    }

    /**
     * Two sets of members kept, as viewers' reports build them, before the stream and after each rebuild
     * (which forgets them): every member of the organization, and all but one; the triggers keep them
     * from there on.
     */
    private void keepSets(UUID org) {
        List<UUID> everyone = jdbc.sql("SELECT id FROM member WHERE org_id = ? ORDER BY id")
                .param(org)
                .query(UUID.class)
                .list();
        assertThat(everyone).hasSizeGreaterThan(2);
        for (List<UUID> members : List.of(everyone, everyone.subList(1, everyone.size()))) {
            Boolean kept = transaction.execute(status -> sets.keep(org, MemberSets.scope(members), members));
            assertThat(kept).isTrue();
        }
    }

    /**
     * The organization's totals by tag and day, and each kept set's counts by tag and figures by metric,
     * are the sums of the rows by member that the triggers follow.
     */
    private void assertTotalsAddUp(UUID org, String context) {
        String byMember = "SELECT day, tag_id, sum(created)::int, sum(last_active)::int FROM analytics_tag_day"
                + " WHERE org_id = ? GROUP BY day, tag_id";
        String totals = "SELECT day, tag_id, created, last_active FROM analytics_tag_total WHERE org_id = ?";
        assertThat(differing(byMember, totals, org))
                .as("totals differing from the sums by member; " + context)
                .isZero();
        String bySetMember = """
                SELECT s.scope, x.day, x.tag_id, sum(x.created)::int, sum(x.last_active)::int FROM analytics_tag_day x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id
                 WHERE x.org_id = ? GROUP BY s.scope, x.day, x.tag_id""";
        String setTotals =
                "SELECT scope, day, tag_id, created, last_active FROM analytics_tag_set_day WHERE org_id = ?";
        assertThat(differing(bySetMember, setTotals, org))
                .as("a set's counts by tag differing from the sums of its members; " + context)
                .isZero();
        String metricsBySetMember = """
                SELECT s.scope, x.metric, x.day, sum(x.value) FROM analytics_member_day x
                  JOIN analytics_member_set_member s ON s.org_id = x.org_id AND s.member_id = x.member_id
                 WHERE x.org_id = ? GROUP BY s.scope, x.metric, x.day""";
        String setSums = "SELECT scope, metric, day, value FROM analytics_set_day WHERE org_id = ?";
        assertThat(differing(metricsBySetMember, setSums, org))
                .as("a set's figures differing from the sums of its members; " + context)
                .isZero();
    }

    /** The rows of one query not in the other's, both ways. */
    private long differing(String one, String other, UUID org) {
        return jdbc.sql("SELECT count(*) FROM ((" + one + " EXCEPT ALL " + other + ") UNION ALL (" + other
                        + " EXCEPT ALL " + one + ")) x")
                .params(org, org, org, org)
                .query(Long.class)
                .single();
    }

    /** Each figure table's rows of the organization, as text, in order. */
    private Map<String, List<String>> snapshot(UUID org) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(
                    table,
                    jdbc.sql("SELECT t::text FROM " + table + " t WHERE org_id = ? ORDER BY 1")
                            .param(org)
                            .query(String.class)
                            .list());
        }
        return rows;
    }

    private Set<String> metrics(UUID org) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT metric FROM analytics_member_day WHERE org_id = ?")
                .param(org)
                .query(String.class)
                .list());
    }

    /** The listener of the event's type, if the figures follow it. */
    private static Optional<Method> handler(Object event) {
        return Arrays.stream(FigureListeners.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("on")
                        && m.getParameterCount() == 1
                        && m.getParameterTypes()[0].equals(event.getClass()))
                .findFirst();
    }

    private static UUID orgOf(Object event) {
        try {
            return (UUID) event.getClass().getMethod("orgId").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
