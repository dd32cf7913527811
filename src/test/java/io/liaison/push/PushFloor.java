package io.liaison.push;

import bench.floor.FloorStatement;
import io.liaison.BenchDatabase;
import io.liaison.StatementCapture;
import io.liaison.identity.Actor;
import io.liaison.identity.OrganizationService;
import io.liaison.push.audience.Audience;
import io.liaison.push.audience.Audiences;
import io.liaison.push.audience.Caps;
import io.liaison.push.settings.PushSettingsService;
import io.liaison.shared.Ids;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The floor of resolving a push: the very {@code INSERT ... SELECT} that {@link Audiences} builds for
 * the push (the sender's visibility, the filter, the opt-out and frequency-cap joins, the reasons),
 * recorded from Liaison's own query layer in the benchmark's JVM, then run bare through JDBC into
 * {@value #TABLE}, made {@code LIKE push_recipient INCLUDING ALL} (its indexes, checks and defaults;
 * like it, without a foreign key). The table is dropped after each run.
 */
final class PushFloor {

    static final String TABLE = "push_recipient_floor";
    private static final String TARGET = "INSERT INTO push_recipient ";

    /** One run: the rows written and how long the statement took. */
    record Run(int rows, long nanos) {
        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return rows / seconds();
        }
    }

    private final BenchDatabase database;
    private final UUID orgId;
    private final UUID pushId;
    private final FloorStatement insert;

    private PushFloor(BenchDatabase database, UUID orgId, UUID pushId, FloorStatement insert) {
        this.database = database;
        this.orgId = orgId;
        this.pushId = pushId;
        this.insert = insert;
    }

    /**
     * Records the statement {@code sender}'s push to {@code audience} would run now, under the
     * organization's settings as they are: {@link Audiences#insert} in a read-only transaction, which
     * PostgreSQL refuses before reading a row. A cancelled push of its own, named {@code name}, gives
     * the rows their foreign key.
     */
    static PushFloor record(BenchDatabase database, Actor sender, Audience audience, String name) throws Exception {
        ApplicationContext context = database.context;
        UUID pushId = Ids.newId();
        database.jdbc
                .sql("INSERT INTO push (org_id, id, name, created_by, subject, body, contact_filter, state)"
                        + " VALUES (?, ?, ?, ?, 'floor', 'floor', '{}'::jsonb, 'cancelled')")
                .params(sender.orgId(), pushId, name, sender.memberId())
                .update();
        ZoneId zone = ZoneId.of(
                context.getBean(OrganizationService.class).mine(sender).timeZone());
        Caps caps = Caps.of(context.getBean(PushSettingsService.class).get(sender.orgId()), Instant.now(), zone);
        TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        Audiences audiences = context.getBean(Audiences.class);
        List<FloorStatement> sent = StatementCapture.record(() -> {
            try {
                readOnly.executeWithoutResult(status -> audiences.insert(sender, pushId, Ids.newId(), audience, caps));
            } catch (DataAccessException refusedInAReadOnlyTransaction) {
                // recorded as it was sent, before PostgreSQL refused it
            }
            return null;
        });
        FloorStatement statement = sent.stream()
                .filter(s -> s.sql().contains(TARGET))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Audiences.insert sent no INSERT: " + sent));
        return new PushFloor(
                database,
                sender.orgId(),
                pushId,
                new FloorStatement(statement.sql().replace(TARGET, "INSERT INTO " + TABLE + " "), statement.params()));
    }

    /** The statement as Liaison builds it (into {@code push_recipient}), for the report. */
    String sql() {
        return insert.sql().replace("INSERT INTO " + TABLE + " ", TARGET);
    }

    /** Makes the table, runs the statement once in a transaction of its own, drops the table. */
    Run run() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url, "liaison", database.password);
                Statement ddl = c.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS " + TABLE);
            ddl.execute("CREATE TABLE " + TABLE + " (LIKE push_recipient INCLUDING ALL)");
            try (PreparedStatement statement = c.prepareStatement(insert.sql())) {
                bind(c, statement);
                long start = System.nanoTime();
                int rows = statement.executeUpdate();
                return new Run(rows, System.nanoTime() - start);
            } finally {
                ddl.execute("DROP TABLE " + TABLE);
            }
        }
    }

    /**
     * The plan of the statement with what each node took ({@code EXPLAIN (ANALYZE, BUFFERS)}), run into
     * the table in a transaction that is rolled back.
     */
    String explain() throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url, "liaison", database.password);
                Statement ddl = c.createStatement()) {
            c.setAutoCommit(false);
            ddl.execute("CREATE TABLE " + TABLE + " (LIKE push_recipient INCLUDING ALL)");
            try (PreparedStatement statement = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + insert.sql())) {
                bind(c, statement);
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                return plan.toString();
            } finally {
                c.rollback();
            }
        }
    }

    private void bind(Connection c, PreparedStatement statement) throws SQLException {
        for (int i = 0; i < insert.params().size(); i++) {
            Object value = FloorStatement.decode(insert.params().get(i));
            if (value instanceof UUID[] ids) {
                statement.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else if (value instanceof Object[] array) {
                statement.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Removes the floor's push. */
    void drop() {
        database.jdbc
                .sql("DELETE FROM push WHERE org_id = ? AND id = ?")
                .params(orgId, pushId)
                .update();
    }
}
