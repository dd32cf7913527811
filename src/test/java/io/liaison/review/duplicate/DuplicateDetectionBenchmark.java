package io.liaison.review.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duplicate detection over {@code benchmark.contacts} (10^6) contacts of one organization (the issue:
 * "finishes in minutes, measured"): Chinese names from common surnames and given-name characters,
 * mobiles, 50,000 companies written with and without their legal form, half with an e-mail address at
 * their company's domain or a public one, and about 2% copies (the same mobile, the same address in
 * capitals, a homophone or the same name at the same company). Generated in SQL; then the floor, the
 * plain SELECT of the blocking keys read through JDBC, and the detection run, timed in the same run.
 * Writes {@code target/benchmark/duplicates.md}. Run with {@code ./mvnw -B verify -Pbenchmark
 * -Dit.test=DuplicateDetectionBenchmark}.
 */
@Tag("benchmark")
@LiaisonIntegrationTest
class DuplicateDetectionBenchmark {

    private final int contacts = Integer.getInteger("benchmark.contacts", 1_000_000);
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/duplicates.md"));

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DuplicateDetection detection;

    @Test
    void detectionOverAMillionContactsFinishesInMinutes() throws Exception {
        Api.Org org = new Api(mvc).newOrg("zh-CN");
        UUID orgId = UUID.fromString(org.id());
        long started = System.nanoTime();
        int copies = fill(orgId, UUID.fromString(org.adminId()));
        double fillSeconds = seconds(started);

        started = System.nanoTime();
        long floorRows = floor(orgId);
        double floorSeconds = seconds(started);

        started = System.nanoTime();
        int findings = detection.run(orgId).size();
        double runSeconds = seconds(started);
        long pairs = count("SELECT count(*) FROM review_duplicate WHERE org_id = ? AND resolved_at IS NULL", orgId);
        long exact = count(
                "SELECT count(*) FROM review_duplicate WHERE org_id = ? AND resolved_at IS NULL AND exact", orgId);

        String report = String.format(
                Locale.ROOT,
                """
                # Duplicate detection over %,d contacts

                | what | seconds |
                |---|---|
                | generating the contacts in SQL (%,d planted copies) | %.1f |
                | floor: the blocking keys read through JDBC (%,d rows) | %.1f |
                | detection run (exact keys, company and domain blocks, clusters, storing the pairs) | %.1f |

                %,d open pairs (%,d exact, %,d likely), %,d findings; the run took %.1f times the floor.
                """,
                contacts,
                copies,
                fillSeconds,
                floorRows,
                floorSeconds,
                runSeconds,
                pairs,
                exact,
                pairs - exact,
                findings,
                runSeconds / floorSeconds);
        System.out.println(report);
        Files.createDirectories(output.getParent());
        Files.writeString(output, report);

        assertThat(pairs).as("about the planted copies").isGreaterThan(copies * 9L / 10);
        assertThat(runSeconds).as("minutes, not hours").isLessThan(600);
    }

    /** The contacts, generated in SQL; answers how many copies were planted. */
    private int fill(UUID orgId, UUID owner) {
        String surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
        String given = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国志坚宏峰晨宇轩浩然博文子涵欣怡"
                + "梓萱思远俊熙雨泽诺佳琪嘉豪铭睿哲瀚天佑安梦瑶可馨晓东海波春雷云飞丹振兴立新永胜德光荣学良家世凯瑞宁秋实冬梅雪松青山";
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, mobile, company, owner_id, created_by)
                        SELECT id, ?, name, name, mobile, company, ?, ? FROM (
                            SELECT gen_random_uuid() AS id,
                                   substr(?, 1 + (hashint4(i) & 2147483647) % 50, 1)
                                   || substr(?, 1 + (hashint4(i * 7) & 2147483647) % length(?), 1)
                                   || CASE WHEN i % 3 = 0 THEN '' ELSE substr(?, 1 + (hashint4(i * 13) & 2147483647) % length(?), 1) END
                                       AS name,
                                   '+861' || (3 + i % 7)::text || lpad(((i::bigint * 7919) % 1000000000)::text, 9, '0') AS mobile,
                                   CASE WHEN i % 5 = 0 THEN NULL
                                        ELSE '公司' || ((hashint4(i * 3) & 2147483647) % 50000)::text
                                             || CASE WHEN i % 2 = 0 THEN '科技有限公司' ELSE '科技' END END AS company
                              FROM generate_series(1, ?) i) g
                        """)
                .params(orgId, owner, owner, surnames, given, given, given, given, contacts)
                .update();
        jdbc.sql("""
                        INSERT INTO contact_email (org_id, contact_id, position, address)
                        SELECT org_id, id, 0, 'u' || substr(replace(id::text, '-', ''), 1, 12) || '@'
                               || CASE WHEN company IS NOT NULL AND random() < 0.6
                                       THEN 'c' || substring(company FROM '[0-9]+') || '.cn' ELSE 'qq.com' END
                          FROM contact WHERE org_id = ? AND random() < 0.5
                        """).param(orgId).update();
        int each = contacts / 200;
        // About 2% copies in four kinds, each of a contact picked at random.
        // The random bound is a subquery of k: computed once per copy and used as the index's bound (a bare
        // gen_random_uuid() would be drawn again for every row the scan reads, picking the first rows).
        String copyOf = "SELECT * FROM contact WHERE org_id = ? AND id > (SELECT gen_random_uuid() WHERE k > 0)"
                + " ORDER BY id LIMIT 1";
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, mobile, company, owner_id, created_by)
                        SELECT gen_random_uuid(), c.org_id, c.name || CASE WHEN mod(k, 2) = 0 THEN '' ELSE '总' END,
                               c.name, c.mobile, NULL, c.owner_id, c.created_by
                          FROM generate_series(1, ?) k, LATERAL (%s) c
                        """.formatted(copyOf)).params(each * 2, orgId).update();
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, company, owner_id, created_by)
                        SELECT gen_random_uuid(), c.org_id, c.name, c.name, c.company || ' ', c.owner_id, c.created_by
                          FROM generate_series(1, ?) k, LATERAL (%s) c
                        """.formatted(copyOf.replace("ORDER BY", "AND company IS NOT NULL ORDER BY")))
                .params(each, orgId)
                .update();
        jdbc.sql("""
                        INSERT INTO contact (id, org_id, name, name_sort, company, owner_id, created_by)
                        SELECT gen_random_uuid(), c.org_id, translate(c.name, '张王李吴徐林杨黄伟丽静明华军芳娜',
                                                                     '章汪黎武许琳阳皇玮莉婧鸣桦君方纳'),
                               c.name, c.company, c.owner_id, c.created_by
                          FROM generate_series(1, ?) k, LATERAL (%s) c
                        """.formatted(copyOf.replace(
                        "ORDER BY", "AND company IS NOT NULL AND name ~ '[张王李吴徐林杨黄伟丽静明华军芳娜]' ORDER BY")))
                .params(each, orgId)
                .update();
        jdbc.sql("ANALYZE contact").update();
        jdbc.sql("ANALYZE contact_email").update();
        return each * 4;
    }

    /** The rows the blocking reads, read through JDBC and nothing more: what no detection can beat. */
    private long floor(UUID orgId) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(5_000);
        long[] rows = {0};
        transaction.executeWithoutResult(status -> {
            template.query(
                    "SELECT id, name, mobile, phones::text, review_company_key(company) FROM contact"
                            + " WHERE org_id = ? AND trashed_at IS NULL",
                    rs -> {
                        rows[0]++;
                    },
                    orgId);
            template.query(
                    "SELECT e.contact_id, lower(e.address), c.name FROM contact_email e"
                            + " JOIN contact c ON c.org_id = e.org_id AND c.id = e.contact_id"
                            + " WHERE e.org_id = ? AND c.trashed_at IS NULL",
                    rs -> {
                        rows[0]++;
                    },
                    orgId);
        });
        return rows[0];
    }

    private long count(String sql, UUID orgId) {
        return jdbc.sql(sql).param(orgId).query(Long.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
