package io.liaison.analytics.figures;

import io.liaison.analytics.FiguresRebuild;
import io.liaison.analytics.figures.FigureStore.Org;
import io.liaison.shared.SqlFragment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rebuild: every figure table of an organization computed from the sources in set-based
 * statements (the tables between the sources and the figures by member first, then those), compared
 * with what was kept, and put in its place, in one transaction that holds the organization's figures
 * (no listener writes them meanwhile). It runs the statements the listeners run, over everything.
 */
@Component
class FigureRebuilder implements FiguresRebuild {

    private static final Logger log = LoggerFactory.getLogger(FigureRebuilder.class);

    private static final String MEMBER_DAY_COLUMNS = "org_id, metric, day, member_id, value";

    private final FigureStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    FigureRebuilder(FigureStore store, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public Rebuilt rebuild(UUID orgId) {
        Rebuilt rebuilt = transactions.execute(status -> rebuildHere(orgId));
        if (rebuilt == null) {
            throw new IllegalStateException("no rebuild");
        }
        return rebuilt;
    }

    @Override
    public List<Rebuilt> rebuildAll() {
        List<UUID> orgs = jdbc.sql("SELECT id FROM organization ORDER BY created_at, id")
                .query(UUID.class)
                .list();
        List<Rebuilt> all = new ArrayList<>();
        for (UUID org : orgs) {
            all.add(rebuild(org));
        }
        return all;
    }

    @Override
    public Optional<UUID> organization(String code) {
        return jdbc.sql("SELECT id FROM organization WHERE code = ?")
                .param(code)
                .query(UUID.class)
                .optional();
    }

    /** The rebuild of one organization in the caller's transaction. */
    Rebuilt rebuildHere(UUID orgId) {
        long start = System.nanoTime();
        // Every statement reads whole tables of the organization: hash joins are right whatever the
        // planner's statistics say, and a load that just wrote the sources (the demo data's, without
        // ANALYZE) would otherwise be joined row by row, minutes for a few thousand contacts.
        jdbc.sql("SET LOCAL enable_nestloop = off").update();
        Org org = store.lock(orgId).orElseThrow(() -> new NoSuchElementException("no organization " + orgId));
        // Sums kept from the rows by member are computed again from the fresh rows too, so that a rebuild
        // mends them as well: the totals by tag as its triggers add the rows back, the member sets
        // (MemberSets) on their next view.
        jdbc.sql("DELETE FROM analytics_member_set WHERE org_id = ?")
                .param(orgId)
                .update();
        jdbc.sql("DELETE FROM analytics_tag_total WHERE org_id = ?")
                .param(orgId)
                .update();
        List<TableCount> tables = new ArrayList<>();
        tables.add(refresh(
                org,
                "analytics_contact_day",
                Intermediates.CONTACT_DAY_COLUMNS,
                Intermediates.contactDays(FigureScope.ALL)));
        tables.add(refresh(
                org,
                "analytics_conversation_day",
                Intermediates.CONVERSATION_DAY_COLUMNS,
                Intermediates.conversationDays(FigureScope.ALL)));
        tables.add(refresh(
                org, "analytics_task_done", Intermediates.TASK_DONE_COLUMNS, Intermediates.tasksDone(FigureScope.ALL)));
        tables.add(refresh(org, "analytics_reply", Replies.COLUMNS, Replies.select(FigureScope.ALL, false)));
        tables.add(refresh(
                org,
                "analytics_contact_last",
                Intermediates.CONTACT_LAST_COLUMNS,
                Intermediates.contactLast(FigureScope.ALL)));
        String groups = Arrays.stream(MetricGroup.values())
                .map(g -> g.select(FigureScope.ALL))
                .collect(Collectors.joining(" UNION ALL "));
        tables.add(refresh(
                org,
                "analytics_member_day",
                MEMBER_DAY_COLUMNS,
                "SELECT CAST(:org AS uuid), g.metric, g.day, g.member_id, g.value FROM (" + groups
                        + ") g WHERE g.value > 0"));
        tables.add(refresh(
                org, "analytics_tag_day", Intermediates.TAG_DAY_COLUMNS, Intermediates.tagDays(FigureScope.ALL)));
        Rebuilt rebuilt = new Rebuilt(orgId, tables, Duration.ofNanos(System.nanoTime() - start));
        if (rebuilt.differing() > 0) {
            log.warn(
                    "The figures of organization {} differed from the kept ones; rebuilt: {}",
                    orgId,
                    tables.stream()
                            .filter(t -> t.differing() > 0)
                            .map(t -> t.table() + " " + t.stale() + " stale, " + t.missing() + " missing")
                            .collect(Collectors.joining("; ")));
        } else {
            log.info("The figures of organization {} were rebuilt: {} rows, as kept", orgId, rebuilt.rows());
        }
        return rebuilt;
    }

    /** Computes a table's rows afresh, counts how the kept ones differ, and replaces them. */
    private TableCount refresh(Org org, String table, String columns, String select) {
        String fresh = "fresh_" + table;
        Map<String, Object> values = new HashMap<>();
        values.put("org", org.id());
        values.put("tz", org.timeZone());
        MetricGroup.bindCodes(values);
        jdbc.sql("CREATE TEMP TABLE " + fresh + " (LIKE " + table + ") ON COMMIT DROP")
                .update();
        long rows = run("INSERT INTO " + fresh + " (" + columns + ") " + select, values);
        String kept = "SELECT " + columns + " FROM " + table + " WHERE org_id = :org";
        String computed = "SELECT " + columns + " FROM " + fresh;
        long stale = count("SELECT count(*) FROM (" + kept + " EXCEPT ALL " + computed + ") x", values);
        long missing = count("SELECT count(*) FROM (" + computed + " EXCEPT ALL " + kept + ") x", values);
        run("DELETE FROM " + table + " WHERE org_id = :org", values);
        run("INSERT INTO " + table + " (" + columns + ") " + computed, values);
        jdbc.sql("DROP TABLE " + fresh).update();
        return new TableCount(table, rows, stale, missing);
    }

    private long run(String sql, Map<String, Object> values) {
        SqlFragment bound = NamedSql.bind(sql, values);
        return jdbc.sql(bound.sql()).params(bound.params()).update();
    }

    private long count(String sql, Map<String, Object> values) {
        SqlFragment bound = NamedSql.bind(sql, values);
        return jdbc.sql(bound.sql()).params(bound.params()).query(Long.class).single();
    }
}
