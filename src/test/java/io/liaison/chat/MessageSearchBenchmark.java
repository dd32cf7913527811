package io.liaison.chat;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Message search at 10^5 messages (README, "Group chats"): a member in 20 of 40 groups searches all
 * their groups and one of them, through the API, for Chinese words of one and two characters, an
 * English word and a word no message has; next to the substring scan the search was before its
 * index, on the same rows. Median of {@code benchmark.runs} requests after a warm-up, and the
 * buffers the query reads. Writes {@code target/benchmark/message-search.md}.
 */
@Tag("benchmark")
@LiaisonIntegrationTest
class MessageSearchBenchmark {

    private static final String[] PHRASES = {
        "明天发报价单给王总",
        "合同已经盖章",
        "请查收附件",
        "这批货下周三到港",
        "价格还能再谈",
        "样品已寄出",
        "发票开好了",
        "会议改到下午三点",
        "客户想要更多颜色",
        "物流单号发你了",
        "质量报告在群文件里",
        "好的收到",
        "谢谢",
        "辛苦了",
        "please check the quotation",
        "shipment delayed by two days",
        "invoice attached",
        "see you at the fair",
        "new price list",
        "thanks a lot"
    };

    private final int messages = Integer.getInteger("benchmark.messages", 100_000);
    private final int runs = Integer.getInteger("benchmark.runs", 21);
    private final Path output = Path.of(System.getProperty("benchmark.output", "target/benchmark/message-search.md"));

    private final StringBuilder plans = new StringBuilder();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void searchTenToTheFifthMessages() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person ann = api.newMember(org, "MEMBER");
        List<UUID> groups = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String owner = i % 2 == 0 ? ann.token() : org.adminToken();
            groups.add(UUID.fromString(ConversationApiIntegrationTests.group(api, owner, "internal", "群" + i)));
        }
        long started = System.nanoTime();
        fill(UUID.fromString(org.id()), UUID.fromString(ann.id()), groups);
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        jdbc.sql("ANALYZE chat_message").update();

        String one = groups.get(0).toString();
        List<String[]> queries = List.of(
                new String[] {"two Chinese characters, rare (瑞典)", "瑞典", null},
                new String[] {"two Chinese characters (报价)", "报价", null},
                new String[] {"one Chinese character (单)", "单", null},
                new String[] {"English word (quotation)", "quotation", null},
                new String[] {"no message has it (火星)", "火星", null},
                new String[] {"one group, two characters (报价)", "报价", one},
                new String[] {"one group, no message has it (火星)", "火星", one});
        StringBuilder md = new StringBuilder("# Message search benchmark\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d messages in 40 groups (the member in 20 of them, %,d messages there); filled and"
                                + " indexed in %.0f s. Median of %d requests through the API (MockMvc, a page of 50),"
                                + " and `EXPLAIN (ANALYZE, BUFFERS)` of the search's two queries (the latest 2,000"
                                + " messages checked, then, when they hold less than a page, the lookup by keys) and"
                                + " of the scan before the index (`strpos` over the member's groups).%n%n",
                        messages,
                        messages / 2,
                        fillSeconds,
                        runs))
                .append(
                        "| query | messages with it | API median (page) | latest 2,000: buffers, time | keys: buffers, time"
                                + " | scan before: buffers, time |\n")
                .append("|---|--:|--:|--:|--:|--:|\n");
        for (String[] q : queries) {
            var request = get("/api/v1/messages/search").param("q", q[1]);
            if (q[2] != null) {
                request.param("conversationId", q[2]);
            }
            String body = api.answer(as(request, ann.token()), 200);
            int page = JsonPath.<List<Object>>read(body, "$.items").size();
            long found = jdbc.sql("""
                            SELECT count(*) FROM chat_message m
                              JOIN conversation_participant p ON p.org_id = m.org_id
                                   AND p.conversation_id = m.conversation_id AND p.member_id = ?::uuid
                             WHERE m.org_id = ?::uuid AND strpos(lower(m.text), lower(?)) > 0
                               AND (?::uuid IS NULL OR m.conversation_id = ?::uuid)
                            """)
                    .params(ann.id(), org.id(), q[1], q[2], q[2])
                    .query(Long.class)
                    .single();
            long[] times = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t = System.nanoTime();
                api.answer(as(request, ann.token()), 200);
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            String walk = plan(Way.WALK, org.id(), ann.id(), q[1], q[2]);
            String keys = plan(Way.KEYS, org.id(), ann.id(), q[1], q[2]);
            String scan = plan(Way.SCAN, org.id(), ann.id(), q[1], q[2]);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f ms (%d) | %s | %s | %s |%n",
                    q[0],
                    found,
                    times[runs / 2] / 1e6,
                    page,
                    walk,
                    keys,
                    scan));
        }
        Files.createDirectories(output.getParent());
        Files.writeString(output, md);
        Files.writeString(output.resolveSibling("message-search-plans.txt"), plans);
        System.out.println(md);
        assertThat(md).contains("(50)");
    }

    /** Messages of the phrases above, two or three to a message, spread over the groups and 200 days. */
    private void fill(UUID orgId, UUID author, List<UUID> groups) {
        jdbc.sql("""
                        INSERT INTO chat_message (org_id, conversation_id, id, seq, author_id, author_kind, text, html,
                                                  created_at)
                        SELECT ?, g.ids[1 + n % 40], gen_random_uuid(), 1 + n / 40, ?, 'member', t.text, t.text,
                               now() - make_interval(secs => (? - n) * 170)
                          FROM generate_series(0, ? - 1) n
                          CROSS JOIN (SELECT ?::uuid[] AS ids, ?::text[] AS phrases) g
                          CROSS JOIN LATERAL (
                              SELECT string_agg(x.phrase, '，') || (n % 7)::text
                                     || CASE WHEN n % 997 = 0 THEN '，瑞典客户下单了' ELSE '' END AS text
                                FROM (SELECT g.phrases[1 + floor(random() * array_length(g.phrases, 1))::int] AS phrase
                                        FROM generate_series(1, 2 + n % 2) k) x) t
                        """)
                .params(orgId, author, messages, messages, groups.toArray(UUID[]::new), PHRASES)
                .update();
        jdbc.sql("""
                        UPDATE conversation c SET last_seq = m.last
                          FROM (SELECT conversation_id, max(seq) AS last FROM chat_message WHERE org_id = ?
                                 GROUP BY conversation_id) m
                         WHERE c.org_id = ? AND c.id = m.conversation_id
                        """).params(orgId, orgId).update();
    }

    /** The ways a search may read: the latest messages, the keys, or (before the index) every message. */
    enum Way {
        WALK,
        KEYS,
        SCAN
    }

    /** The buffers and time of one way's query, as {@code MessageIndex} sends it (the scan as it was). */
    private String plan(Way way, String org, String member, String q, String conversation) {
        String scope = conversation == null
                ? " AND m.conversation_id = ANY ('{"
                        + String.join(
                                ",",
                                jdbc.sql("""
                                SELECT conversation_id::text FROM conversation_participant
                                 WHERE org_id = ?::uuid AND member_id = ?::uuid AND left_at IS NULL
                                """)
                                        .params(org, member)
                                        .query(String.class)
                                        .list()) + "}'::uuid[])"
                : " AND m.conversation_id = '" + conversation + "'";
        String where = " m.org_id = '" + org + "' AND m.recalled_at IS NULL" + scope;
        String match = " strpos(lower(m.text), lower('" + q + "')) > 0";
        String sql = switch (way) {
            case WALK ->
                "SELECT m.id FROM (SELECT * FROM chat_message m WHERE" + where
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT 2000) m WHERE" + match
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT 51";
            case KEYS ->
                "SELECT m.id FROM chat_message m WHERE" + where + " AND chat_words(m.org_id, m.text) @>"
                        + " chat_query_words('" + org + "', '" + q + "') AND" + match
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT 51";
            case SCAN ->
                "SELECT m.id FROM chat_message m WHERE" + where + " AND" + match
                        + " ORDER BY m.created_at DESC, m.id DESC LIMIT 51";
        };
        if (way == Way.KEYS) {
            plans.append(way).append(' ').append(q).append('\n');
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    .query(String.class)
                    .list()
                    .forEach(l -> plans.append(l).append('\n'));
        }
        String json = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
                .query(String.class)
                .single();
        long hit = JsonPath.<Number>read(json, "$[0].Plan['Shared Hit Blocks']").longValue();
        long read =
                JsonPath.<Number>read(json, "$[0].Plan['Shared Read Blocks']").longValue();
        double time = JsonPath.<Number>read(json, "$[0]['Execution Time']").doubleValue();
        return String.format(Locale.ROOT, "%,d, %.1f ms", hit + read, time);
    }
}
