package io.liaison.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.review.finding.FindingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The findings check over 10^6 contacts of one organization (issue 23: "in minutes"): a first run that
 * opens every finding, and a second that finds them again and keeps them; next to a floor measured in
 * the same run, one streamed pass over the columns the checks read. Writes {@code
 * target/benchmark/review-findings.md}. Run alone: {@code ./mvnw -B verify -Pbenchmark
 * -Dit.test=FindingBenchmark [-Dbenchmark.contacts=1000000]}.
 */
@Tag("benchmark")
@LiaisonIntegrationTest
class FindingBenchmark {

    private final int contacts = Integer.getInteger("benchmark.contacts", 1_000_000);
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/review-findings.md"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    FindingRun run;

    @Test
    void checkAMillionContacts() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        UUID orgId = UUID.fromString(org.id());
        long started = System.nanoTime();
        fill(orgId, UUID.fromString(org.adminId()));
        double fillSeconds = seconds(started);

        started = System.nanoTime();
        long[] read = {0};
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(5_000);
        transaction.executeWithoutResult(status -> streaming.query("""
                SELECT c.id, c.mobile, c.phones::text, c.company, c.created_at, c.last_contacted_at
                  FROM contact c WHERE c.org_id = ? AND c.trashed_at IS NULL
                """, (RowCallbackHandler) rs -> read[0]++, orgId));
        double floor = seconds(started);

        started = System.nanoTime();
        run.run(orgId);
        double first = seconds(started);
        String counts = counts(orgId);
        started = System.nanoTime();
        run.run(orgId);
        double second = seconds(started);
        assertThat(counts(orgId)).as("the second run finds the same").isEqualTo(counts);

        String report = String.format(Locale.ROOT, """
                # Review findings benchmark

                %,d contacts in one organization (filled in %.0f s): 10%% without company, phone and e-mail,
                1%% with an invalid mobile, about 9%% with an e-mail, a tag with a 30-day stale rule on 10%%,
                created and last contacted up to 200 days ago. Open findings after the first run: %s.

                | what | seconds |
                |---|--:|
                | floor: one streamed pass over the %,d contacts' checked columns | %.1f |
                | first run: every check, every finding opened | %.1f |
                | second run: every check, every finding kept | %.1f |
                """, contacts, fillSeconds, counts, read[0], floor, first, second);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report);
        System.out.println(report);
    }

    private String counts(UUID orgId) {
        return String.join(", ", jdbc.sql("""
                                SELECT reason || ' ' || count(*) FROM review_finding
                                 WHERE org_id = ? AND resolved_at IS NULL GROUP BY reason ORDER BY reason
                                """).param(orgId).query(String.class).list());
    }

    private void fill(UUID orgId, UUID owner) {
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, mobile, company, owner_id, created_by, created_at,
                                             last_contacted_at)
                        SELECT gen_random_uuid(), ?, 'Bench ' || g, 'bench ' || lpad(g::text, 7, '0'),
                               CASE WHEN g % 100 = 0 THEN '+8612345'
                                    WHEN g % 10 <> 9 THEN '+86138' || lpad((g % 100000000)::text, 8, '0') END,
                               CASE WHEN g % 10 <> 9 THEN 'Company ' || (g % 5000) END,
                               ?, ?, now() - make_interval(days => g % 200),
                               CASE WHEN g % 3 = 0 THEN now() - make_interval(days => g % 120) END
                          FROM generate_series(1, ?) g
                        """).params(orgId, owner, owner, contacts).update();
        jdbc.sql("""
                        INSERT INTO contact_email (org_id, contact_id, position, address)
                        SELECT org_id, id, 0, 'p' || left(id::text, 8) || '@bench.example'
                          FROM contact WHERE org_id = ? AND name ~ '[05]$' AND company IS NOT NULL
                           AND random() < 0.5
                        """).param(orgId).update();
        UUID group = UUID.randomUUID();
        UUID tag = UUID.randomUUID();
        jdbc.sql("INSERT INTO tag_group (id, org_id, name, color) VALUES (?, ?, 'Bench', '#336699')")
                .params(group, orgId)
                .update();
        jdbc.sql("INSERT INTO tag (id, org_id, group_id, name) VALUES (?, ?, ?, 'VIP')")
                .params(tag, orgId, group)
                .update();
        jdbc.sql("""
                        INSERT INTO contact_tag (org_id, contact_id, tag_id)
                        SELECT org_id, id, ? FROM contact WHERE org_id = ? AND name ~ '7$'
                        """).params(tag, orgId).update();
        jdbc.sql("INSERT INTO review_stale_rule (org_id, tag_id, days) VALUES (?, ?, 30)")
                .params(orgId, tag)
                .update();
        jdbc.sql("ANALYZE contact").update();
        jdbc.sql("ANALYZE contact_email").update();
        jdbc.sql("ANALYZE contact_tag").update();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
