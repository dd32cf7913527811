package io.liaison.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema, after every migration, can be distributed by Citus on {@code org_id} as it is (see
 * docs/SCALING.md): every table with an {@code org_id} column has it, not null, in its primary key
 * and in every unique index (partial and expression ones too), and every foreign key between two
 * such tables carries it on both sides, matched to each other; Citus can enforce nothing else across
 * shards. Every other table is listed below as a reference table (copied to every node) or a table
 * local to the coordinator, with why; a new table is refused until someone decides which it is. The
 * guide's statements distribute every other table, each after the tables it references.
 */
@LiaisonIntegrationTest
class DistributionKeyIntegrationTests {

    enum Kind {
        /** Copied to every node: distributed tables may reference it. */
        REFERENCE,
        /** Kept on the coordinator only: no distributed table may reference it, nor it one. */
        LOCAL
    }

    record Placement(Kind kind, String why) {}

    static final Map<String, Placement> NOT_DISTRIBUTED = Map.of(
            "organization",
            new Placement(Kind.REFERENCE, "the tenants themselves, the distribution key's own table"),
            "login_attempt",
            new Placement(
                    Kind.LOCAL,
                    "an attempt at an unknown organization has no org_id, so it cannot be a distribution"
                            + " column; the throttle's rows live a few days"),
            "spring_session",
            new Placement(Kind.LOCAL, "Spring Session's table, read by session id before any organization"),
            "spring_session_attributes",
            new Placement(Kind.LOCAL, "Spring Session's attributes, beside their session"),
            "event_publication",
            new Placement(Kind.LOCAL, "the outbox of Spring Modulith, read across organizations by its workers"),
            "scheduled_tasks",
            new Placement(Kind.LOCAL, "db-scheduler's queue, claimed across organizations with row locks"),
            "contact_search_state",
            new Placement(Kind.LOCAL, "one row: the version of the search key rules the stored keys follow"),
            "push_unsubscribe_visit",
            new Placement(
                    Kind.LOCAL,
                    "the public unsubscribe page's visits per address and minute, counted before any"
                            + " organization is known"),
            "flyway_schema_history",
            new Placement(Kind.LOCAL, "Flyway's record of the migrations, run on the coordinator"));

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTenantTableCanBeDistributedByOrganization() {
        assertThat(violations("public", NOT_DISTRIBUTED)).isEmpty();
    }

    @Test
    void refusesKeysWithoutTheOrganizationAndTablesNobodyPlaced() {
        jdbc.sql("DROP SCHEMA IF EXISTS distribution_probe CASCADE").update();
        jdbc.sql("CREATE SCHEMA distribution_probe").update();
        try {
            jdbc.sql("""
                            CREATE TABLE distribution_probe.org (id uuid PRIMARY KEY);
                            CREATE TABLE distribution_probe.parent (
                                id uuid PRIMARY KEY, org_id uuid NOT NULL REFERENCES distribution_probe.org (id),
                                code text NOT NULL, UNIQUE (org_id, id));
                            CREATE UNIQUE INDEX parent_code ON distribution_probe.parent (lower(code)) WHERE code <> '';
                            CREATE TABLE distribution_probe.child (
                                org_id uuid, parent_id uuid NOT NULL, PRIMARY KEY (parent_id),
                                FOREIGN KEY (parent_id) REFERENCES distribution_probe.parent (id),
                                FOREIGN KEY (org_id, parent_id) REFERENCES distribution_probe.parent (org_id, id)
                                    ON DELETE SET NULL);
                            CREATE TABLE distribution_probe.unplaced (id uuid PRIMARY KEY);
                            """).update();

            assertThat(violations("distribution_probe", Map.of("org", new Placement(Kind.REFERENCE, "tenants"))))
                    .containsExactlyInAnyOrder(
                            "parent: primary key parent_pkey has no org_id",
                            "parent: unique index parent_code has no org_id",
                            "child: org_id may be null",
                            "child: primary key child_pkey has no org_id",
                            "child: foreign key child_parent_id_fkey to parent does not match org_id to org_id",
                            "child: foreign key child_org_id_parent_id_fkey to parent sets org_id on delete or update",
                            "unplaced: no org_id and not placed as a reference or local table");
        } finally {
            jdbc.sql("DROP SCHEMA distribution_probe CASCADE").update();
        }
    }

    @Test
    void theScalingGuideDistributesEveryTenantTableAfterTheTablesItReferences() throws IOException {
        Matcher call = Pattern.compile("create_distributed_table\\('([a-z_]+)'")
                .matcher(Files.readString(Path.of("docs/SCALING.md")));
        List<String> order = new ArrayList<>();
        while (call.find()) {
            order.add(call.group(1));
        }
        Set<String> distributed = new HashSet<>();
        tables("public").forEach((table, notNull) -> {
            if (notNull != null && !NOT_DISTRIBUTED.containsKey(table)) {
                distributed.add(table);
            }
        });
        assertThat(order).containsExactlyInAnyOrderElementsOf(distributed);
        jdbc.sql("""
                        SELECT s.relname AS src, t.relname AS tgt
                          FROM pg_constraint k JOIN pg_class s ON s.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
                          JOIN pg_namespace n ON n.oid = s.relnamespace
                         WHERE n.nspname = 'public' AND k.contype = 'f' AND s.oid <> t.oid
                        """).query(rs -> {
            String from = rs.getString("src");
            String to = rs.getString("tgt");
            if (distributed.contains(from) && distributed.contains(to)) {
                assertThat(order.indexOf(to))
                        .as("%s is distributed before %s, which it references", from, to)
                        .isLessThan(order.indexOf(from));
            }
        });
    }

    /**
     * The tables of {@code schema}, each with whether its org_id is not null (null when it has no
     * org_id).
     */
    private Map<String, Boolean> tables(String schema) {
        Map<String, Boolean> orgIdNotNull = new HashMap<>();
        jdbc.sql("""
                        SELECT c.relname, coalesce(bool_or(a.attnotnull), false) AS not_null, count(a.attname) > 0 AS has
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                          LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped
                         WHERE n.nspname = ? AND c.relkind IN ('r', 'p')
                         GROUP BY c.relname
                        """).param(schema).query(rs -> {
            orgIdNotNull.put(rs.getString("relname"), rs.getBoolean("has") ? rs.getBoolean("not_null") : null);
        });
        return orgIdNotNull;
    }

    /** What keeps the tables of {@code schema} from being distributed by {@code org_id}. */
    private List<String> violations(String schema, Map<String, Placement> notDistributed) {
        Map<String, Boolean> orgIdNotNull = tables(schema);
        Set<String> distributed = new HashSet<>();
        List<String> violations = new ArrayList<>();
        orgIdNotNull.forEach((table, notNull) -> {
            if (notDistributed.containsKey(table)) {
                return;
            }
            if (notNull == null) {
                violations.add(table + ": no org_id and not placed as a reference or local table");
                return;
            }
            distributed.add(table);
            if (!notNull) {
                violations.add(table + ": org_id may be null");
            }
        });
        notDistributed.keySet().stream()
                .filter(table -> !orgIdNotNull.containsKey(table))
                .forEach(table -> violations.add(table + ": placed but no longer exists"));
        violations.addAll(uniqueKeyViolations(schema, distributed));
        violations.addAll(foreignKeyViolations(schema, distributed, notDistributed));
        return violations;
    }

    /** Unique indexes (primary keys, unique constraints, partial and expression ones) without org_id. */
    private List<String> uniqueKeyViolations(String schema, Set<String> distributed) {
        List<String> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT t.relname AS tab, i.relname AS idx, x.indisprimary,
                               EXISTS (SELECT 1 FROM unnest(x.indkey[0:x.indnkeyatts - 1]) k
                                        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k
                                       WHERE a.attname = 'org_id') AS has_org
                          FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = ? AND x.indisunique
                        """).param(schema).query(rs -> {
            if (distributed.contains(rs.getString("tab")) && !rs.getBoolean("has_org")) {
                violations.add(rs.getString("tab") + ": "
                        + (rs.getBoolean("indisprimary") ? "primary key " : "unique index ")
                        + rs.getString("idx") + " has no org_id");
            }
        });
        jdbc.sql("""
                        SELECT t.relname FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
                         WHERE n.nspname = ? AND t.relkind IN ('r', 'p')
                           AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = t.oid AND x.indisprimary)
                        """).param(schema).query(String.class).list().stream()
                .filter(distributed::contains)
                .forEach(table -> violations.add(table + ": no primary key"));
        return violations;
    }

    /**
     * Foreign keys Citus refuses: between distributed tables unless org_id matches org_id (and is
     * never set null or to a default by the key), from a distributed table to a local one, and from
     * a reference or local table to a distributed one.
     */
    private List<String> foreignKeyViolations(
            String schema, Set<String> distributed, Map<String, Placement> notDistributed) {
        List<String> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT k.conname, s.relname AS src, t.relname AS tgt,
                               EXISTS (SELECT 1 FROM unnest(k.conkey, k.confkey) AS p (src_col, tgt_col)
                                        JOIN pg_attribute sa ON sa.attrelid = k.conrelid AND sa.attnum = p.src_col
                                        JOIN pg_attribute ta ON ta.attrelid = k.confrelid AND ta.attnum = p.tgt_col
                                       WHERE sa.attname = 'org_id' AND ta.attname = 'org_id') AS matched,
                               k.confupdtype IN ('n', 'd')
                                 OR (k.confdeltype IN ('n', 'd')
                                     AND (k.confdelsetcols IS NULL OR EXISTS (
                                         SELECT 1 FROM pg_attribute sa
                                          WHERE sa.attrelid = k.conrelid AND sa.attnum = ANY (k.confdelsetcols)
                                            AND sa.attname = 'org_id'))) AS sets_org
                          FROM pg_constraint k JOIN pg_class s ON s.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
                          JOIN pg_namespace n ON n.oid = s.relnamespace
                         WHERE n.nspname = ? AND k.contype = 'f'
                        """).param(schema).query(rs -> {
            String from = rs.getString("src");
            String to = rs.getString("tgt");
            String key = from + ": foreign key " + rs.getString("conname") + " to " + to;
            if (distributed.contains(from) && distributed.contains(to)) {
                if (!rs.getBoolean("matched")) {
                    violations.add(key + " does not match org_id to org_id");
                } else if (rs.getBoolean("sets_org")) {
                    violations.add(key + " sets org_id on delete or update");
                }
            } else if (distributed.contains(from)) {
                Placement placement = notDistributed.get(to);
                if (placement != null && placement.kind() != Kind.REFERENCE) {
                    violations.add(key + ", a table local to the coordinator");
                }
            } else if (distributed.contains(to)) {
                violations.add(key + ": only a distributed table may reference a distributed table");
            }
        });
        return violations;
    }
}
