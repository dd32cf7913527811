package io.liaison.task.reminder;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import io.liaison.BenchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the reminder benchmark compares Liaison with, on the same rows in the same run. The floor: bare
 * JDBC workers that claim the due rows of {@value #TABLE} (made {@code LIKE task_reminder INCLUDING
 * ALL} and filled with a copy of the benchmark's reminders) a batch at a time with {@code FOR UPDATE
 * SKIP LOCKED} and mark them fired, and nothing else. The design not taken: a db-scheduler one-time
 * execution per reminder (task {@value #NOOP}, in this JVM, doing nothing), with its polling by {@code
 * SKIP LOCKED} (lock-and-fetch), the fastest it offers.
 */
final class ReminderFloors {

    static final String TABLE = "task_reminder_floor";
    static final String NOOP = "reminder-benchmark-noop";

    private ReminderFloors() {}

    /** Lags in seconds (fired minus due) of the due rows, and how many fired. */
    record Lags(List<Double> seconds) {}

    /** Copies every unfired reminder into the floor's table, made anew. */
    static void fillFloor(BenchDatabase database) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (LIKE task_reminder INCLUDING ALL)");
            s.execute("INSERT INTO " + TABLE + " SELECT * FROM task_reminder WHERE fired_at IS NULL");
            s.execute("ANALYZE " + TABLE);
        }
    }

    /**
     * One reminder for each benchmark task into {@code table}, due evenly over {@code [at, at + window)}
     * in the order of the tasks' ids; answers how many.
     */
    static int planDue(BenchDatabase database, String table, String titlePrefix, Instant at, Duration window)
            throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table
                        + " (org_id, id, subject_kind, subject_id, member_id, fire_at)"
                        + " SELECT org_id, gen_random_uuid(), 'task', id, created_by,"
                        + " ?::timestamptz + (n - 1) * (? / count(*) OVER ()) * interval '1 millisecond'"
                        + " FROM (SELECT org_id, id, created_by, row_number() OVER (ORDER BY id) AS n FROM task"
                        + " WHERE title LIKE ?) t")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setDouble(2, window.toMillis());
            s.setString(3, titlePrefix + "%");
            return s.executeUpdate();
        }
    }

    /**
     * Runs {@code workers} bare claimers until every row due before {@code until} is fired; answers the
     * lags of the rows due in {@code [from, until)}.
     */
    static Lags claimFloor(BenchDatabase database, int workers, Instant from, Instant until, Duration timeout)
            throws Exception {
        Instant deadline = until.plus(timeout);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> claim(database, until, deadline)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return lags(database, TABLE, from, until);
    }

    private static Void claim(BenchDatabase database, Instant until, Instant deadline)
            throws SQLException, InterruptedException {
        try (Connection c = connect(database);
                PreparedStatement claim = c.prepareStatement("UPDATE " + TABLE + " r SET fired_at = clock_timestamp(),"
                        + " outcome = 'notified' FROM (SELECT org_id, id FROM " + TABLE
                        + " WHERE fired_at IS NULL AND fire_at <= now() ORDER BY fire_at LIMIT "
                        + ReminderWorker.BATCH
                        + " FOR UPDATE SKIP LOCKED) d WHERE r.org_id = d.org_id AND r.id = d.id");
                PreparedStatement left = c.prepareStatement(
                        "SELECT count(*) FROM " + TABLE + " WHERE fired_at IS NULL AND fire_at < ?")) {
            c.setAutoCommit(false);
            left.setTimestamp(1, Timestamp.from(until));
            while (Instant.now().isBefore(deadline)) {
                int claimed = claim.executeUpdate();
                c.commit();
                if (claimed == 0) {
                    if (Instant.now().isAfter(until) && remaining(left) == 0) {
                        c.commit();
                        return null;
                    }
                    c.commit();
                    Thread.sleep(10);
                }
            }
            return null;
        }
    }

    private static long remaining(PreparedStatement left) throws SQLException {
        try (ResultSet rs = left.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * One db-scheduler execution of a task doing nothing per reminder: {@code later} of them due after
     * the run, and {@code due} spread evenly over {@code [at, at + window)}; a scheduler of {@code
     * threads} threads in this JVM runs them. Answers the lags of the due ones, taken as each starts.
     */
    static Lags dbScheduler(
            BenchDatabase database, int threads, int later, int due, Instant at, Duration window, Duration timeout)
            throws Exception {
        try (Connection c = connect(database);
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                        SELECT ?, 'later-' || g, now() + interval '1 day' + g * interval '1 second', false, 1
                          FROM generate_series(1, ?) g
                        UNION ALL
                        SELECT ?, 'due-' || g, ?::timestamptz + (g * ?::double precision / ?) * interval '1 millisecond', false, 1
                          FROM generate_series(0, ? - 1) g
                        """)) {
            insert.setString(1, NOOP);
            insert.setInt(2, later);
            insert.setString(3, NOOP);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.setDouble(5, window.toMillis());
            insert.setInt(6, due);
            insert.setInt(7, due);
            insert.executeUpdate();
        }
        ConcurrentLinkedQueue<Double> lags = new ConcurrentLinkedQueue<>();
        OneTimeTask<Void> noop = Tasks.oneTime(NOOP, Void.class).execute((instance, context) -> {
            Instant planned = context.getExecution().executionTime;
            lags.add(Duration.between(planned, Instant.now()).toNanos() / 1e9);
        });
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url);
        dataSource.setUsername("liaison");
        dataSource.setPassword(database.password);
        dataSource.setMaximumPoolSize(threads + 4);
        Scheduler scheduler = Scheduler.create(dataSource, noop)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(1))
                .pollUsingLockAndFetch(0.5, 1.0)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("reminder-benchmark"))
                .build();
        scheduler.start();
        try {
            Instant deadline = at.plus(window).plus(timeout);
            while (lags.size() < due && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        } finally {
            scheduler.stop();
            dataSource.close();
            try (Connection c = connect(database);
                    PreparedStatement delete = c.prepareStatement("DELETE FROM scheduled_tasks WHERE task_name = ?")) {
                delete.setString(1, NOOP);
                delete.executeUpdate();
            }
        }
        return new Lags(new ArrayList<>(lags));
    }

    /** The lags of the rows of {@code table} due in {@code [from, until)}; an unfired row counts as infinitely late. */
    static Lags lags(BenchDatabase database, String table, Instant from, Instant until) throws SQLException {
        try (Connection c = connect(database);
                PreparedStatement s = c.prepareStatement(
                        "SELECT extract(epoch FROM coalesce(fired_at, 'infinity'::timestamptz)) - extract(epoch FROM fire_at)"
                                + " FROM " + table + " WHERE fire_at >= ? AND fire_at < ?")) {
            s.setTimestamp(1, Timestamp.from(from));
            s.setTimestamp(2, Timestamp.from(until));
            List<Double> lags = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lags.add(rs.getDouble(1));
                }
            }
            return new Lags(lags);
        }
    }

    static void dropFloor(BenchDatabase database) throws SQLException {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    static Connection connect(BenchDatabase database) throws SQLException {
        return DriverManager.getConnection(database.url, "liaison", database.password);
    }
}
