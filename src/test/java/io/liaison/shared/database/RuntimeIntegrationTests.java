package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liaison as an operator runs it: {@code java} with environment variables, stopped with SIGTERM,
 * killed with SIGKILL, started twice by mistake, or pointed at an external PostgreSQL.
 */
class RuntimeIntegrationTests {

    private static final String TOKEN_REQUEST = "{\"name\":\"t\"}";

    @TempDir
    Path work;

    private final List<LiaisonProcess> launched = new ArrayList<>();
    private @Nullable EmbeddedPostgres externalPostgres;

    @AfterEach
    void stopEverything() throws Exception {
        for (LiaisonProcess liaison : launched) {
            liaison.close();
        }
        if (externalPostgres != null) {
            externalPostgres.close();
        }
    }

    @Test
    void embeddedDatabaseSurvivesStopsCrashesAndASecondStart() throws Exception {
        Path data = work.resolve("data");

        LiaisonProcess first = start(data, Map.of());
        Path passwordFile = data.resolve("initial-admin-password");
        assertThat(Files.getPosixFilePermissions(passwordFile)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        String password = Files.readString(passwordFile).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(first.log().split(password, -1))
                .as("times the log shows the password")
                .hasSize(2);
        String token = token(first, password);
        assertThat(sharedBuffers(first, data))
                .as("the default, from the machine's memory")
                .isEqualTo(EmbeddedDatabase.defaultSharedBuffers());
        assertThat(first.post("/api/v1/departments", bearer(token), "{\"name\":\"Sales\"}")
                        .statusCode())
                .isEqualTo(201);

        LiaisonProcess second = launch(data, Map.of());
        assertThat(second.awaitExit(Duration.ofSeconds(60))).isNotZero();
        assertThat(second.log())
                .contains("Another Liaison (pid " + first.pid() + ") is already running with the data directory")
                .contains("Action:")
                .doesNotContain("\tat ");
        assertThat(departments(first, token)).containsExactly("Sales");

        assertThat(LiaisonProcess.postgresIn(data)).isPresent();
        assertThat(first.stop()).as("exit code after SIGTERM").isEqualTo(143);
        assertThat(data.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        String shutdown = first.log();
        assertThat(shutdown.indexOf("liaison - Shutdown completed"))
                .as("the connection pool closes before PostgreSQL stops")
                .isPositive()
                .isLessThan(shutdown.lastIndexOf("shut down postmaster"));

        LiaisonProcess restarted = start(
                data, Map.of("LIAISON_ADMIN_PASSWORD", "a-different-password-42", "LIAISON_DB_SHARED_BUFFERS", "96MB"));
        assertThat(departments(restarted, token)).containsExactly("Sales");
        assertThat(sharedBuffers(restarted, data)).isEqualTo("96MB");
        assertThat(Files.readString(passwordFile).strip()).isEqualTo(password);
        assertThat(restarted
                        .post("/api/v1/tokens", basic("admin", "a-different-password-42"), TOKEN_REQUEST)
                        .statusCode())
                .isEqualTo(401);
        assertThat(token(restarted, password)).isNotBlank();

        restarted.kill();
        ProcessHandle orphan = LiaisonProcess.postgresIn(data)
                .orElseThrow(() -> new AssertionError("PostgreSQL should outlive a killed JVM"));
        LiaisonProcess recovered = start(data, Map.of());
        assertThat(orphan.isAlive()).isFalse();
        assertThat(recovered.log()).contains("Stopping PostgreSQL (pid " + orphan.pid() + ") left running");
        assertThat(departments(recovered, token)).containsExactly("Sales");
        recovered.stop();
        assertThat(LiaisonProcess.postgresIn(data)).isEmpty();
    }

    @Test
    void externalDatabaseIsMigratedAndTheActuatorShowsAnonymousCallersOnlyTheStatus() throws Exception {
        externalPostgres = EmbeddedPostgres.builder()
                .setLocaleConfig("lc-collate", "C")
                .setLocaleConfig("lc-ctype", "C.UTF-8")
                .start();
        Path data = work.resolve("data");
        LiaisonProcess liaison = start(
                data,
                Map.of(
                        "LIAISON_DB_URL", "jdbc:postgresql://localhost:" + externalPostgres.getPort() + "/postgres",
                        "LIAISON_DB_USER", "postgres",
                        "LIAISON_DB_PASSWORD", "x",
                        "LIAISON_ADMIN_PASSWORD", "external-admin-password"));

        try (Connection c = externalPostgres.getPostgresDatabase().getConnection();
                ResultSet rs =
                        c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
        }
        assertThat(data.resolve("postgres")).doesNotExist();
        assertThat(data.resolve("initial-admin-password")).doesNotExist();

        HttpResponse<String> health = liaison.get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Map<String, Object>>read(health.body(), "$")).isEqualTo(Map.of("status", "UP"));
        assertThat(liaison.get("/actuator/health/db", null).statusCode()).isNotEqualTo(200);

        assertThat(liaison.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        String token = token(liaison, "external-admin-password");
        HttpResponse<String> metrics = liaison.get("/actuator/prometheus", bearer(token));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    /** The page cache of the embedded PostgreSQL that {@code liaison} runs, found through its port in the log. */
    private static String sharedBuffers(LiaisonProcess liaison, Path data) throws Exception {
        String password = Files.readString(data.resolve(EmbeddedDatabase.ROLE_PASSWORD_FILE))
                .strip();
        try (var connection = LiaisonProcess.connect(liaison.embeddedPostgresPort(), ClusterAccess.ROLE, password);
                var result = connection
                        .createStatement()
                        .executeQuery("SELECT (setting::bigint * 8192 / 1048576) || 'MB' FROM pg_settings"
                                + " WHERE name = 'shared_buffers'")) {
            result.next();
            return result.getString(1);
        }
    }

    private LiaisonProcess launch(Path data, Map<String, String> env) throws Exception {
        LiaisonProcess liaison = LiaisonProcess.launch(data, env);
        launched.add(liaison);
        return liaison;
    }

    private LiaisonProcess start(Path data, Map<String, String> env) throws Exception {
        return launch(data, env).awaitHealthy();
    }

    private static String token(LiaisonProcess liaison, String password) throws Exception {
        HttpResponse<String> created = liaison.post("/api/v1/tokens", basic("admin", password), TOKEN_REQUEST);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JsonPath.read(created.body(), "$.token");
    }

    private static List<String> departments(LiaisonProcess liaison, String token) throws Exception {
        HttpResponse<String> list = liaison.get("/api/v1/departments", bearer(token));
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return JsonPath.read(list.body(), "$.items[*].name");
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
