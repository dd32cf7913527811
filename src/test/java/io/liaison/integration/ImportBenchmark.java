package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BenchLiaison;
import io.liaison.HeapSampler;
import io.liaison.contact.BenchReport;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import benchmark of issue 6 (README, "Performance"): a CSV of a million contacts imported
 * into a fresh Liaison in this JVM (heap limited to 512 MB), next to PostgreSQL's COPY of the same
 * file into the same table with the same indexes, measured in the same run; then a workbook of
 * 100,000 rows. Writes {@code target/benchmark/import.md}.
 */
@Tag("benchmark")
class ImportBenchmark {

    private static final int MB = 1024 * 1024;
    // 99 common surnames and 156 given-name characters: about 2.4 million possible names, so that the name
    // keys spread over their index as a real address book's do.
    private static final String[] SURNAMES = chars(
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤");
    private static final String[] GIVEN = chars(
            "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀英华慧巧美娟霞平刚桂兰玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽");
    private static final String[] CITIES = {"上海", "北京", "深圳", "杭州", "成都", "武汉", "南京", "宁波", "苏州", "广州"};
    private static final String[] TRADES = {"贸易", "科技", "制造", "物流", "电子", "食品", "建材", "医药"};
    private static final String[] TITLES = {"采购经理", "总经理", "销售总监", "工程师", "财务主管", "行政专员", ""};

    private final int rows = Integer.getInteger("benchmark.import-rows", 1_000_000);
    private final int xlsxRows = Integer.getInteger("benchmark.xlsx-rows", 100_000);
    private final Path work = Path.of(System.getProperty("benchmark.import-dir", "target/benchmark/import"));
    private final Path output = Path.of(System.getProperty("benchmark.import-output", "target/benchmark/import.md"));

    @Test
    void importCsvAndXlsx() throws Exception {
        delete(work);
        Files.createDirectories(work);
        Path csv = work.resolve("contacts.csv");
        Path xlsx = work.resolve("contacts.xlsx");
        long csvBytes = writeCsv(csv, rows, 1);
        writeXlsx(xlsx, xlsxRows, 2);
        StringBuilder md = new StringBuilder("# Import benchmark\n\n" + BenchReport.machine() + "; heap limit "
                + HeapSampler.limit() / MB + " MB.\n\n");
        try (ConfigurableApplicationContext context = start(work.resolve("data"))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Actor admin = admin(context);
            double copySeconds = copyFloor(context.getBean(DataSource.class), csv, admin);
            Result imported;
            try (HeapSampler heap = new HeapSampler()) {
                imported = importFile(context, admin, csv, "contacts.csv");
                imported = imported.withHeap(heap.maxUsed(), heap.maxAfterGc());
            }
            assertThat(imported.created).as("contacts created").isEqualTo(rows);
            int stored = jdbc.sql("SELECT count(*) FROM contact WHERE org_id = ? AND source = 'import'")
                    .param(admin.orgId())
                    .query(Integer.class)
                    .single();
            assertThat(stored).isEqualTo(rows);
            Result workbook = importFile(context, admin, xlsx, "contacts.xlsx");
            assertThat(workbook.created).isEqualTo(xlsxRows);

            double copyRate = rows / copySeconds;
            double importRate = rows / imported.seconds;
            md.append(String.format(
                    Locale.ROOT,
                    """
                    | what | rows | time | rows/s | target |
                    |---|---:|---:|---:|---|
                    | COPY of the CSV (%.0f MB) into `contact`, indexes in place (floor) | %,d | %.1f s | %,.0f | |
                    | Liaison import of the same CSV | %,d | %.1f s | %,.0f | ≥ 100,000 rows/s: %s; ≥ ½ COPY (%.2f×): %s |
                    | Liaison import of an XLSX workbook | %,d | %.1f s | %,.0f | < 15 s: %s |

                    Heap during the CSV import: at most %d MB used, %d MB live after a collection (limit %d MB).
                    The import counts the file's rows first (for its progress), then writes batches of 5,000 rows
                    with their e-mails, tags and timeline entries, and each batch's name search keys (about 16 rows
                    per contact) on a second connection; COPY writes the contact rows alone.
                    """,
                    csvBytes / (double) MB,
                    rows,
                    copySeconds,
                    copyRate,
                    rows,
                    imported.seconds,
                    importRate,
                    importRate >= 100_000 ? "met" : "missed",
                    importRate / copyRate,
                    importRate >= copyRate / 2 ? "met" : "missed",
                    xlsxRows,
                    workbook.seconds,
                    xlsxRows / workbook.seconds,
                    workbook.seconds < 15 ? "met" : "missed",
                    imported.heapUsed / MB,
                    imported.heapLive / MB,
                    HeapSampler.limit() / MB));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        System.out.println(md);
        System.out.println("benchmark: written to " + output.toAbsolutePath());
    }

    record Result(double seconds, int created, long heapUsed, long heapLive) {
        Result withHeap(long used, long live) {
            return new Result(seconds, created, used, live);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return BenchLiaison.start(dataDir, Map.of("liaison.identity.first-start.admin-password", "benchmark password"));
    }

    private static Actor admin(ConfigurableApplicationContext context) {
        UUID id = context.getBean(JdbcClient.class)
                .sql("SELECT id FROM member WHERE login = 'admin' ORDER BY created_at LIMIT 1")
                .query(UUID.class)
                .single();
        return context.getBean(MemberService.class).actor(id).orElseThrow();
    }

    /**
     * COPY of the same file into {@code contact}, in a transaction that is rolled back: the columns
     * the file does not have (id, organization, owner) get defaults for the duration.
     */
    private static double copyFloor(DataSource dataSource, Path csv, Actor admin) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE contact ALTER COLUMN id SET DEFAULT gen_random_uuid(),"
                        + " ALTER COLUMN org_id SET DEFAULT '" + admin.orgId() + "',"
                        + " ALTER COLUMN owner_id SET DEFAULT '" + admin.memberId() + "',"
                        + " ALTER COLUMN created_by SET DEFAULT '" + admin.memberId() + "'");
            }
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(csv)) {
                c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "COPY contact (name, mobile, company, title, address, remark) FROM STDIN"
                                        + " (FORMAT csv, HEADER true, ENCODING 'UTF8')",
                                in,
                                1 << 16);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            c.rollback();
            return seconds;
        }
    }

    private static Result importFile(ConfigurableApplicationContext context, Actor admin, Path file, String name)
            throws Exception {
        ImportService imports = context.getBean(ImportService.class);
        ImportRunner runner = context.getBean(ImportRunner.class);
        ImportOptions options = ImportOptions.read(
                null,
                "create",
                null,
                null,
                null,
                null,
                null,
                null,
                context.getBean(tools.jackson.databind.json.JsonMapper.class));
        long start = System.nanoTime();
        ImportJob job;
        try (InputStream in = Files.newInputStream(file)) {
            job = imports.start(admin, in, name, options);
        }
        runner.run(job.id(), () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        ImportJob done = imports.get(admin, job.id());
        assertThat(done.status()).as(done.failure()).isEqualTo(ImportJob.COMPLETED);
        return new Result(seconds, done.created(), 0, 0);
    }

    private static long writeCsv(Path file, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("姓名,手机,公司,职位,地址,备注\n");
            for (int i = 0; i < count; i++) {
                List<String> row = row(random, i);
                out.write(String.join(",", row));
                out.write('\n');
            }
        }
        return Files.size(file);
    }

    private static void writeXlsx(Path file, int count, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream out = Files.newOutputStream(file);
                Workbook wb = new Workbook(out, "Liaison benchmark", "1.0")) {
            Worksheet sheet = wb.newWorksheet("联系人");
            List<String> header = List.of("姓名", "手机", "公司", "职位", "地址", "备注");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
            }
            for (int r = 1; r <= count; r++) {
                List<String> row = row(random, 5_000_000 + r);
                for (int c = 0; c < row.size(); c++) {
                    if (c == 1) {
                        sheet.value(r, c, Long.parseLong(row.get(c)));
                    } else if (!row.get(c).isEmpty()) {
                        sheet.value(r, c, row.get(c));
                    }
                }
                if (r % 1000 == 0) {
                    sheet.flush();
                }
            }
        }
    }

    private static String[] chars(String text) {
        return text.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }

    /** A contact's cells: unique mobiles from the row number, names and companies from pools. */
    private static List<String> row(SplittableRandom random, int i) {
        String name = SURNAMES[random.nextInt(SURNAMES.length)]
                + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        String city = CITIES[random.nextInt(CITIES.length)];
        String company = city + GIVEN[random.nextInt(GIVEN.length)] + TRADES[random.nextInt(TRADES.length)] + "有限公司";
        String mobile = String.valueOf(13_000_000_000L + i * 7L);
        String remark = random.nextInt(4) == 0 ? "展会认识，关注" + TRADES[random.nextInt(TRADES.length)] : "";
        return List.of(
                name,
                mobile,
                company,
                TITLES[random.nextInt(TITLES.length)],
                city + "市" + (1 + random.nextInt(999)) + "号",
                remark);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
