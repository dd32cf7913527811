package io.liaison.shared.database;

import static io.liaison.shared.database.LiaisonProcess.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import io.liaison.channel.send.GreenMailSmtp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push on two Liaison processes sharing one database: scheduled a moment ahead, it is sent by one
 * node only; that node is killed mid-send, and the other finishes it from the recipients still queued,
 * so that every recipient has exactly one delivery, none is left queued, and every one ends sent, its
 * mail received by the SMTP server (GreenMail, in this JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushNodesRuntimeIntegrationTests {

    private static final String PASSWORD = "push-nodes-password";
    private static final int CONTACTS = 5_000;

    private final GreenMail smtp = new GreenMail(new ServerSetup(GreenMailSmtp.freePort(), "127.0.0.1", "smtp"));
    private EmbeddedPostgres database;
    private LiaisonProcess a;
    private LiaisonProcess b;
    private Path data;
    private Map<String, String> env;
    private String admin;

    @BeforeAll
    void startTwoNodes(@TempDir Path work) throws Exception {
        smtp.start();
        database = SharedDatabaseNodes.startDatabase();
        data = work.resolve("data");
        // small batches, so that the push is still sending when its node is killed; the killed node's
        // mails in hand are taken back after the shortest lease, and the reactions it left unfinished are
        // delivered again by the survivor after 20 s (looked for every 10 s)
        env = Map.of(
                "LIAISON_EVENTS_REDELIVER_AFTER", "20s",
                "LIAISON_EVENTS_REDELIVERY_INTERVAL", "10s",
                "LIAISON_PUSH_BATCH_SIZE", "5",
                "LIAISON_SMTP_HOST", "127.0.0.1",
                "LIAISON_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                "LIAISON_SMTP_FROM", "Liaison <noreply@liaison.example>",
                "LIAISON_SMTP_SECURITY", "none",
                "LIAISON_CHANNEL_LEASE", "30s");
        a = SharedDatabaseNodes.launch(database, data, "node-a", PASSWORD, env);
        b = SharedDatabaseNodes.launch(database, data, "node-b", PASSWORD, env);
        a.awaitHealthy();
        b.awaitHealthy();
        HttpResponse<String> token = a.post("/api/v1/tokens", basic("admin", PASSWORD), "{\"name\":\"push\"}");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
        admin = "Bearer " + JsonPath.read(token.body(), "$.token");
    }

    @AfterAll
    void stopEverything() throws Exception {
        SharedDatabaseNodes.close(a, b);
        smtp.stop();
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aScheduledPushIsSentOnceAndFinishedByTheOtherNodeWhenItsNodeIsKilled() throws Exception {
        // the administrator's contacts, each with an address, written straight into the database
        sql("""
                INSERT INTO contact (id, org_id, name, name_sort, owner_id, created_by)
                SELECT gen_random_uuid(), m.org_id, '节点客户' || g, 'jiedian' || g, m.id, m.id
                  FROM member m, generate_series(1, %d) g WHERE m.login = 'admin'
                """.formatted(CONTACTS));
        sql("""
                INSERT INTO contact_email (org_id, contact_id, position, address)
                SELECT org_id, id, 0, 'c' || substr(id::text, 1, 8) || '@customer.example' FROM contact
                """);
        HttpResponse<String> created =
                a.post("/api/v1/pushes", admin, """
                {"name":"两个节点","content":{"subject":"{{name}}，你好","body":"新品到了"},
                 "audience":{"filter":{}},"scheduledAt":"%s"}
                """.formatted(Instant.now().plusSeconds(2)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String push = JsonPath.read(created.body(), "$.id");

        Instant deadline = Instant.now().plusSeconds(60);
        long handed = 0;
        while (handed < 200 && Instant.now().isBefore(deadline)) {
            handed = count("SELECT count(*) FROM push_recipient WHERE push_id = '" + push + "' AND state <> 'queued'");
            Thread.sleep(20);
        }
        String holder =
                value("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'push-send' AND task_instance = '" + push
                        + "'");
        LiaisonProcess killed = "node-b".equals(holder) ? b : a;
        LiaisonProcess survivor = killed == a ? b : a;
        killed.kill();
        long atKill = count("SELECT count(*) FROM push_recipient WHERE push_id = '" + push + "' AND state = 'queued'");
        assertThat(atKill)
                .as("recipients still queued when %s was killed", holder)
                .isPositive();

        String state = "";
        deadline = Instant.now().plusSeconds(90);
        while (!state.equals("done") && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            HttpResponse<String> got = survivor.get("/api/v1/pushes/" + push, admin);
            state = JsonPath.read(got.body(), "$.state");
        }
        assertThat(state).isEqualTo("done");
        assertThat(count("SELECT count(*) FROM push_recipient WHERE push_id = '" + push + "'"))
                .isEqualTo(CONTACTS);
        assertThat(count("SELECT count(*) FROM push_recipient WHERE push_id = '" + push + "' AND state = 'queued'"))
                .isZero();
        assertThat(count("""
                        SELECT count(*) FROM delivery d JOIN push_recipient r ON r.org_id = d.org_id AND r.id = d.origin_id
                         WHERE d.origin_module = 'push' AND r.push_id = '%s'
                        """.formatted(push)))
                .as("one delivery for each recipient, none twice")
                .isEqualTo(CONTACTS);
        assertThat(count("""
                        SELECT count(*) FROM (SELECT origin_id FROM delivery WHERE origin_module = 'push'
                                               GROUP BY origin_id HAVING count(*) > 1) twice
                        """)).isZero();

        // the mails the dead node had in hand are sent once its lease runs out; a mail it sent whose end it
        // had committed but not yet told module push of (the reaction unfinished in the outbox) is told by
        // the survivor, without a restart
        String ended = "SELECT count(*) FROM push_recipient WHERE push_id = '" + push + "' AND state = 'sent'";
        deadline = Instant.now().plusSeconds(180);
        while (count(ended) < CONTACTS && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        assertThat(value("""
                        SELECT string_agg(state || ':' || n, ',' ORDER BY state)
                          FROM (SELECT state, count(*) AS n FROM push_recipient WHERE push_id = '%s' GROUP BY state) s
                        """.formatted(push)))
                .as("every recipient ends sent, none queued or sending")
                .isEqualTo("sent:" + CONTACTS);
        HttpResponse<String> counts = survivor.get("/api/v1/pushes/" + push, admin);
        assertThat(JsonPath.<Integer>read(counts.body(), "$.counts.sent")).isEqualTo(CONTACTS);
        assertThat(Arrays.stream(smtp.getReceivedMessages())
                        .map(PushNodesRuntimeIntegrationTests::recipient)
                        .distinct()
                        .count())
                .as("each contact received the push")
                .isEqualTo(CONTACTS);
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        }
    }

    private long count(String query) throws Exception {
        return Long.parseLong(value(query));
    }

    private String value(String query) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection();
                PreparedStatement s = c.prepareStatement(query);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}
