package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo-data} as an operator runs it: on the server's data directory, while the server is stopped. */
class DemoDataRuntimeIntegrationTests {

    @TempDir
    Path work;

    private final List<LiaisonProcess> launched = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (LiaisonProcess liaison : launched) {
            liaison.close();
        }
    }

    @Test
    void fillsTheDataDirectoryThatTheServerThenServes() throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data);

        LiaisonProcess bad = launch(data, "demo-data", "--contacts", "abc");
        assertThat(bad.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
        assertThat(bad.log())
                .contains("--contacts must be a whole number, not 'abc'")
                .doesNotContain("\tat ");

        LiaisonProcess demo = launch(data, "demo-data", "--contacts", "500");
        assertThat(demo.awaitExit(Duration.ofSeconds(120))).as(demo.log()).isZero();
        assertThat(demo.log())
                .contains("demo-data: added 500 contacts")
                .as("no HTTP port opened")
                .doesNotContainPattern("Tomcat started on port [0-9]");
        assertThat(LiaisonProcess.postgresIn(data))
                .as("PostgreSQL stopped with the command")
                .isEmpty();

        LiaisonProcess server = launch(data).awaitHealthy();
        String password =
                Files.readString(data.resolve("initial-admin-password")).strip();
        HttpResponse<String> token = server.post("/api/v1/tokens", basic("admin", password), "{\"name\":\"t\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        String bearer = "Bearer " + JsonPath.read(token.body(), "$.token");
        HttpResponse<String> count = server.get("/api/v1/contacts/count", bearer);
        assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
        assertThat(JsonPath.<Integer>read(count.body(), "$.count")).isEqualTo(500);
    }

    private LiaisonProcess launch(Path data, String... args) throws Exception {
        LiaisonProcess liaison = LiaisonProcess.launch(data, Map.of(), args);
        launched.add(liaison);
        return liaison;
    }
}
