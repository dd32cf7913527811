package io.liaison.contact;

import io.liaison.BenchDatabase;
import io.liaison.BenchProcess;
import io.liaison.identity.Actor;
import io.liaison.identity.OrganizationService;
import io.liaison.shared.MergePatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The servers of one size: Liaison from its jar in its own JVM on the benchmark's data directory
 * (with its embedded PostgreSQL, without the job scheduler), the floor application in another JVM
 * with the same flags on the same database, and in this JVM Liaison's query layer on that database
 * too (for the JDBC floor, the tokens and the statements the floor application replays). With the
 * two actors of the benchmark and a bearer token for each.
 */
final class BenchServer implements AutoCloseable {

    /** A member the benchmark acts as, with a token for the API. */
    record Member(String label, Actor actor, String token) {}

    final BenchProcess liaison;
    final BenchProcess floor;
    final BenchDatabase database;
    final ConfigurableApplicationContext context;
    final JdbcClient jdbc;
    final Member admin;
    final Member member;
    final long memberContacts;
    final String postgres;

    BenchServer(Path dataDir, Path jar, Path logs) throws Exception {
        Files.createDirectories(logs);
        liaison = BenchProcess.start(
                        "liaison",
                        logs,
                        List.of("-jar", jar.toAbsolutePath().toString()),
                        List.of("--server.port=%PORT%", "--db-scheduler.enabled=false", "--logging.level.root=WARN"),
                        Map.of(
                                "LIAISON_DATA_DIR", dataDir.toAbsolutePath().toString(),
                                "LIAISON_DB_URL", "",
                                "LIAISON_DB_USER", "",
                                "LIAISON_DB_PASSWORD", ""))
                .awaitAnswer("/actuator/health", 200);
        BenchDatabase opened = null;
        try {
            opened = BenchDatabase.open(dataDir);
            floor = startFloor(logs, opened.url, opened.password);
        } catch (Exception | Error e) {
            if (opened != null) {
                opened.close();
            }
            liaison.close();
            throw e;
        }
        database = opened;
        context = database.context;
        jdbc = database.jdbc;
        postgres = database.version;
        UUID adminId = database.demoAdmin();
        UUID org = database.actor(adminId).orgId();
        unmask(adminId);
        // The demo member who owns the median number of contacts among the 50.
        List<Map<String, Object>> owners = jdbc.sql("""
                        SELECT m.id, m.login, count(*) AS n FROM member m
                          JOIN contact c ON c.org_id = m.org_id AND c.owner_id = m.id AND c.trashed_at IS NULL
                         WHERE m.org_id = ? AND m.login LIKE 'demo-%'
                         GROUP BY m.id, m.login ORDER BY n, m.login""").param(org).query().listOfRows();
        Map<String, Object> median = owners.get(owners.size() / 2);
        memberContacts = ((Number) median.get("n")).longValue();
        admin = member("admin", adminId);
        member = member((String) median.get("login"), (UUID) median.get("id"));
    }

    private static BenchProcess startFloor(Path logs, String url, String password) throws Exception {
        return BenchProcess.start(
                        "floor",
                        logs,
                        List.of("-cp", testClassPath(), "bench.floor.FloorApplication"),
                        List.of("--server.port=%PORT%"),
                        Map.of(
                                "SPRING_DATASOURCE_URL",
                                url,
                                "SPRING_DATASOURCE_USERNAME",
                                "liaison",
                                "SPRING_DATASOURCE_PASSWORD",
                                password,
                                // Liaison's pool has 20 connections too.
                                "SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE",
                                "20"))
                .awaitAnswer("/floor/statements", 405);
    }

    /** The test class path: the floor application is a test class, on the same libraries as Liaison. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** CPU time PostgreSQL used so far, in milliseconds. */
    long postgresCpuMillis() throws IOException {
        return database.cpuMillis();
    }

    /**
     * Masking off, as an administrator may set it: with it on, a fragment of a mobile finds nothing
     * for the administrator (by design), and a search that finds nothing measures nothing.
     */
    private void unmask(UUID adminId) {
        Actor admin = database.actor(adminId);
        context.getBean(OrganizationService.class)
                .updateSettings(
                        admin, new MergePatch(Map.of("maskContactDetails", false), OrganizationService.SETTINGS));
    }

    private Member member(String login, UUID id) {
        Actor actor = database.actor(id);
        return new Member(login + " (scope " + actor.dataScope() + ")", actor, database.token(actor));
    }

    /** The floor application, this JVM's context, then Liaison, which stops its PostgreSQL. */
    @Override
    public void close() throws Exception {
        try (BenchProcess l = liaison;
                BenchProcess f = floor) {
            database.close();
        } finally {
            BenchDatabase.stopLeftover(database.postmaster);
        }
    }
}
