package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.integration.NumberedContacts;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports as the server lives them: a file over the size limit answered 413; the JVM killed in the
 * middle of an import, restarted, and the job taken over from its last committed batch (no row
 * twice, none missing).
 */
class ImportRuntimeIntegrationTests {

    private static final String PASSWORD = "import-runtime-password";

    @TempDir
    Path work;

    private LiaisonProcess liaison;

    @AfterEach
    void stop() throws Exception {
        if (liaison != null) {
            liaison.close();
        }
    }

    /** Small batches, a heartbeat each second and a job of a dead node taken over after four missed (db-scheduler asks for at least four). */
    private LiaisonProcess start(Path data) throws Exception {
        return LiaisonProcess.launch(
                        data,
                        Map.of(
                                "LIAISON_ADMIN_PASSWORD", PASSWORD,
                                "LIAISON_IMPORT_MAX_FILE_SIZE", "1MB",
                                "LIAISON_IMPORTS_BATCH_SIZE", "300",
                                "DBSCHEDULER_HEARTBEATINTERVAL", "1s",
                                "DBSCHEDULER_MISSEDHEARTBEATSLIMIT", "4",
                                "DBSCHEDULER_POLLINGINTERVAL", "1s"))
                .awaitHealthy();
    }

    @Test
    void aKilledServerResumesItsImportAfterTheLastCommittedBatchAndAFileOverTheLimitIsRefused() throws Exception {
        Path data = work.resolve("data");
        liaison = start(data);
        String token = token();
        byte[] big = new byte[1_500_000];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> refused = liaison.upload("/api/v1/imports", token, "big.csv", big);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat((String) JsonPath.read(refused.body(), "$.detail"))
                .isEqualTo("The file is larger than the limit of 1 MB.");

        int rows = 9_000;
        byte[] csv = NumberedContacts.csv("姓名,手机", "重启", "1880", rows);
        HttpResponse<String> started = liaison.upload("/api/v1/imports", token, "restart.csv", csv);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JsonPath.read(started.body(), "$.id");

        int processedWhenKilled = 0;
        Instant deadline = Instant.now().plusSeconds(60);
        while (processedWhenKilled < 600 && Instant.now().isBefore(deadline)) {
            processedWhenKilled = JsonPath.read(job(token, id), "$.processed");
            Thread.sleep(20);
        }
        liaison.kill();
        assertThat(processedWhenKilled)
                .as("rows committed when the JVM was killed")
                .isBetween(600, rows - 1);

        liaison = start(data);
        String done = job(token, id);
        deadline = Instant.now().plusSeconds(90);
        while (!JsonPath.read(done, "$.status").equals("completed")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            done = job(token, id);
        }
        assertThat((String) JsonPath.read(done, "$.status")).as(done).isEqualTo("completed");
        assertThat((Integer) JsonPath.read(done, "$.created")).isEqualTo(rows);
        assertThat((Integer) JsonPath.read(done, "$.skipped")).isZero();
        assertThat((Integer) JsonPath.read(done, "$.failed")).isZero();
        HttpResponse<String> count = liaison.get("/api/v1/contacts/count?q=重启", bearer(token));
        assertThat((Integer) JsonPath.read(count.body(), "$.count")).isEqualTo(rows);
        assertThat((Boolean) JsonPath.read(count.body(), "$.exact")).isTrue();
    }

    private String token() throws Exception {
        HttpResponse<String> created = liaison.post("/api/v1/tokens", basic("admin", PASSWORD), "{\"name\":\"t\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return bearer(JsonPath.read(created.body(), "$.token"));
    }

    private String job(String token, String id) throws Exception {
        HttpResponse<String> job = liaison.get("/api/v1/imports/" + id, token);
        assertThat(job.statusCode()).as(job.body()).isEqualTo(200);
        return job.body();
    }

    private static String bearer(String token) {
        return token.startsWith("Bearer ") ? token : "Bearer " + token;
    }
}
