package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ImportJobIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Api.Org org;
    Imports imports;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        imports = new Imports(mvc, runner);
    }

    String body(String path) throws Exception {
        return mvc.perform(as(get(path), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String createContact(String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), org.adminToken(), body));
    }

    static byte[] workbook(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Liaison tests", "1.0")) {
            Worksheet sheet = wb.newWorksheet("联系人");
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Number n) {
                        sheet.value(r, c, n);
                    } else if (v instanceof LocalDate d) {
                        sheet.value(r, c, d);
                        sheet.style(r, c).format("yyyy-mm-dd").set();
                    } else {
                        sheet.value(r, c, String.valueOf(v));
                    }
                }
            }
        }
        return out.toByteArray();
    }

    @Test
    void importsAWorkbookWithNumbersAndDatesAsExcelStoresThem() throws Exception {
        byte[] xlsx = workbook(List.of(
                List.of("姓名", "手机号码", "生日", "性别", "公司"),
                List.of("赵六", 13312345678L, LocalDate.of(1988, 6, 1), "男", "杭州网络"),
                List.of("钱七", 13312345679L, LocalDate.of(1990, 1, 31), "女", "")));
        String job = imports.importFile(org.adminToken(), "联系人.xlsx", xlsx, Map.of());

        assertThat((String) JsonPath.read(job, "$.format")).isEqualTo("xlsx");
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(2);
        mvc.perform(as(get("/api/v1/contacts?q=赵六"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].mobile").value("+8613312345678"))
                .andExpect(jsonPath("$.items[0].birthday").value("1988-06-01"))
                .andExpect(jsonPath("$.items[0].gender").value("male"))
                .andExpect(jsonPath("$.items[0].company").value("杭州网络"));
    }

    @Test
    void importsTheWorksheetItIsToldAndNamesTheSheetsOfAWrongOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Liaison tests", "1.0")) {
            Worksheet notes = wb.newWorksheet("说明");
            notes.value(0, 0, "请在第二个工作表填写");
            Worksheet sheet = wb.newWorksheet("客户");
            sheet.value(0, 0, "姓名");
            sheet.value(0, 1, "手机");
            sheet.value(1, 0, "第二页");
            sheet.value(1, 1, 13512345678L);
        }
        String job = imports.importFile(org.adminToken(), "two.xlsx", out.toByteArray(), Map.of("sheet", "客户"));
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        assertThat((String) JsonPath.read(body("/api/v1/contacts?q=第二页"), "$.items[0].mobile"))
                .isEqualTo("+8613512345678");

        mvc.perform(Imports.upload(
                        "/api/v1/imports", org.adminToken(), "two.xlsx", out.toByteArray(), Map.of("sheet", "3")))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[0].message").value("the workbook has no sheet '3'; its sheets are 说明, 客户"));
        // Without a sheet, the first is read: a cover sheet with no name column.
        mvc.perform(Imports.upload("/api/v1/imports", org.adminToken(), "two.xlsx", out.toByteArray(), Map.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("no column holds the name: none of [请在第二个工作表填写] reads as 姓名 or name; map one,"
                                + " or choose another worksheet than '说明' of [说明, 客户]"));
    }

    @Test
    void upsertChangesOnlyDifferingFieldsRecordsThemAndCreatesTheRest() throws Exception {
        String same =
                createContact("{\"name\":\"孙八\",\"mobile\":\"13200132001\",\"company\":\"甲公司\",\"title\":\"经理\"}");
        String moved =
                createContact("{\"name\":\"周九\",\"mobile\":\"13200132002\",\"company\":\"乙公司\",\"title\":\"主管\"}");
        String csv = "姓名,手机,公司,职位\n" + "孙八,132 0013 2001,甲公司,\n" + "周九,13200132002,丙公司,主管\n" + "吴十,13200132003,丁公司,\n";
        String job = imports.importFile(
                org.adminToken(), "upsert.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("mode", "upsert"));

        assertThat((Integer) JsonPath.read(job, "$.unchanged")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.updated")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        // An empty cell keeps the field.
        assertThat((String) JsonPath.read(body("/api/v1/contacts/" + same), "$.title"))
                .isEqualTo("经理");
        assertThat((Integer) JsonPath.read(body("/api/v1/contacts/" + same), "$.version"))
                .isEqualTo(1);
        String changed = body("/api/v1/contacts/" + moved);
        assertThat((String) JsonPath.read(changed, "$.company")).isEqualTo("丙公司");
        String timeline = body("/api/v1/contacts/" + moved + "/timeline");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[0].data.changes[*].field"))
                .containsExactly("company");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[0].data.changes[*].after"))
                .containsExactly("丙公司");
        String created = body("/api/v1/contacts?q=吴十");
        String newId = JsonPath.read(created, "$.items[0].id");
        assertThat(JsonPath.<List<String>>read(body("/api/v1/contacts/" + newId + "/timeline"), "$.items[*].kind"))
                .containsExactly("imported");
    }

    @Test
    void updateChangesMatchedContactsAndSkipsRowsThatMatchNone() throws Exception {
        String known = createContact("{\"name\":\"郑一\",\"emails\":[{\"address\":\"zheng@example.cn\"}]}");
        String csv = "email,title\nZheng@Example.cn,总监\nnobody@example.cn,职员\n";
        String id = imports.start(
                org.adminToken(),
                "update.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                Map.of("mode", "update", "match", "email"));
        runner.run(UUID.fromString(id), () -> false);
        String job = imports.job(org.adminToken(), id);

        assertThat((Integer) JsonPath.read(job, "$.updated")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.skipped")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.created")).isZero();
        assertThat((String) JsonPath.read(body("/api/v1/contacts/" + known), "$.title"))
                .isEqualTo("总监");
        assertThat(imports.errors(org.adminToken(), id)).contains("3,Skipped,matches no contact by its e-mail address");
    }

    @Test
    void aMemberCannotUpdateContactsOutsideTheirScopeByImporting() throws Exception {
        createContact("{\"name\":\"王总\",\"mobile\":\"13100131000\",\"company\":\"旧公司\"}");
        Api.Person member = api.newMember(org, "MEMBER");
        String csv = "姓名,手机,公司\n王总,13100131000,新公司\n";
        String id = imports.start(
                member.token(), "mine.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("mode", "upsert"));
        runner.run(UUID.fromString(id), () -> false);

        String job = imports.job(member.token(), id);
        assertThat((Integer) JsonPath.read(job, "$.skipped")).isEqualTo(1);
        // The member does not see the contact: the report names its owner, not the contact.
        String owner = JsonPath.read(body("/api/v1/me"), "$.displayName");
        assertThat(imports.errors(member.token(), id))
                .contains("2,Skipped,\"matches a contact followed by " + owner + ", which you may not change\"")
                .doesNotContain("王总\"");
        assertThat((String) JsonPath.read(body("/api/v1/contacts?q=王总"), "$.items[0].company"))
                .isEqualTo("旧公司");
    }

    @Test
    void aStoppedJobResumesAfterItsLastCommittedBatchWithoutDuplicatesOrGaps() throws Exception {
        int rows = 12_000;
        byte[] csv = NumberedContacts.csv("姓名,手机", "续", "1870", rows);
        String id = imports.start(org.adminToken(), "big.csv", csv, Map.of());
        UUID job = UUID.fromString(id);

        // The node stops after the first batch: the job is left running, as after a crash.
        assertThat(runner.run(job, () -> true)).isFalse();
        String paused = imports.job(org.adminToken(), id);
        assertThat((String) JsonPath.read(paused, "$.status")).isEqualTo("running");
        assertThat((Integer) JsonPath.read(paused, "$.created")).isEqualTo(5_000);
        assertThat(importedContacts()).isEqualTo(5_000);
        // A crash between the batch's commit and its search keys' leaves the batch recorded as
        // waiting for them.
        jdbc.sql("DELETE FROM contact_search WHERE org_id = ?::uuid")
                .param(org.id())
                .update();
        jdbc.sql("""
                        INSERT INTO contact_search_pending (id, org_id, job_id, contact_ids)
                        SELECT gen_random_uuid(), org_id, ?, array_agg(id) FROM contact WHERE org_id = ?::uuid GROUP BY org_id
                        """).params(job, org.id()).update();
        // Three digits are too few to match a mobile: only a name key finds these.
        assertThat(JsonPath.<List<String>>read(body("/api/v1/contacts?q=xu123"), "$.items[*].name"))
                .isEmpty();

        assertThat(runner.run(job, () -> false)).isTrue();
        String done = imports.job(org.adminToken(), id);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("completed");
        assertThat((Integer) JsonPath.read(done, "$.created")).isEqualTo(rows);
        assertThat((Integer) JsonPath.read(done, "$.skipped")).isZero();
        assertThat(importedContacts()).isEqualTo(rows);
        assertThat(jdbc.sql("SELECT count(DISTINCT mobile) FROM contact WHERE org_id = ?::uuid")
                        .param(org.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(rows);
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM contact c WHERE org_id = ?::uuid
                                   AND NOT EXISTS (SELECT 1 FROM contact_search k WHERE k.contact_id = c.id)
                                """).param(org.id()).query(Integer.class).single())
                .as("contacts without name search keys")
                .isZero();
        assertThat(JsonPath.<List<String>>read(body("/api/v1/contacts?q=xu123"), "$.items[*].name"))
                .hasSize(11)
                .contains("续123", "续1230", "续1239");
    }

    private int importedContacts() {
        return jdbc.sql("SELECT count(*) FROM contact WHERE org_id = ?::uuid AND source = 'import'")
                .param(org.id())
                .query(Integer.class)
                .single();
    }

    @Test
    void aCancelledJobStopsAfterItsBatchAndKeepsWhatItCommitted() throws Exception {
        byte[] csv = NumberedContacts.csv("name,mobile", "Cancel ", "1860", 6_000);
        String id = imports.start(org.adminToken(), "cancel.csv", csv, Map.of());
        mvc.perform(as(post("/api/v1/imports/" + id + "/cancel"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cancelRequested").value(true));
        runner.run(UUID.fromString(id), () -> false);

        String job = imports.job(org.adminToken(), id);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("cancelled");
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(5_000);
        assertThat(importedContacts()).isEqualTo(5_000);
    }

    @Test
    void aDryRunCountsAndReportsButChangesNothing() throws Exception {
        String csv = "姓名,手机\n陈一,13000130001\n,13000130002\n";
        String job = imports.importFile(
                org.adminToken(), "dry.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("dryRun", "true"));

        assertThat((Boolean) JsonPath.read(job, "$.dryRun")).isTrue();
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.failed")).isEqualTo(1);
        assertThat(importedContacts()).isZero();
    }

    @Test
    void previewsTheFirstRowsWithTheMappingThenImportsTheSameUpload() throws Exception {
        String csv = "客户名称,Mobile,行业\n林一,12345,制造\n林二,13900001111,零售\n";
        String preview = mvc.perform(Imports.upload(
                        "/api/v1/imports/preview",
                        org.adminToken(),
                        "p.csv",
                        csv.getBytes(StandardCharsets.UTF_8),
                        Map.of("mapping", "{\"客户名称\":\"name\"}")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((Map<String, String>) JsonPath.read(preview, "$.mapping"))
                .containsEntry("客户名称", "name")
                .containsEntry("Mobile", "mobile")
                .containsEntry("行业", "");
        assertThat(JsonPath.<List<String>>read(preview, "$.rows[*].outcome")).containsExactly("failed", "created");
        assertThat((String) JsonPath.read(preview, "$.rows[0].reason")).contains("'12345' is not a valid phone number");
        assertThat(importedContacts()).isZero();

        String upload = JsonPath.read(preview, "$.uploadId");
        // A start refused for its mapping keeps the upload for the next try.
        mvc.perform(multipart("/api/v1/imports")
                        .param("uploadId", upload)
                        .param("mapping", "{\"客户名称\":\"nickname\"}")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapping"));
        String started = mvc.perform(multipart("/api/v1/imports")
                        .param("uploadId", upload)
                        .param("mapping", "{\"客户名称\":\"name\"}")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + org.adminToken()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = JsonPath.read(started, "$.id");
        runner.run(UUID.fromString(id), () -> false);
        assertThat((Integer) JsonPath.read(imports.job(org.adminToken(), id), "$.created"))
                .isEqualTo(1);
        assertThat((String) JsonPath.read(imports.job(org.adminToken(), id), "$.fileName"))
                .isEqualTo("p.csv");
    }

    @Test
    void refusesFilesThatAreNotWhatTheyClaimAndSaysWhy() throws Exception {
        byte[] png = {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1
        };
        mvc.perform(Imports.upload("/api/v1/imports", org.adminToken(), "photo.csv", png, Map.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("is not a CSV, XLSX or vCard file"));
        byte[] xlsx = workbook(List.of(List.of("name"), List.of("x")));
        mvc.perform(Imports.upload("/api/v1/imports", org.adminToken(), "a.csv", xlsx, Map.of("format", "csv")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("was sent as csv, but it is an XLSX workbook; send format xlsx or auto"));
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        mvc.perform(Imports.upload("/api/v1/imports", org.adminToken(), "old.xls", xls, Map.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("is an Excel 97-2003 workbook (.xls), which is not read; save it as .xlsx or CSV"));
        mvc.perform(Imports.upload(
                        "/api/v1/imports",
                        org.adminToken(),
                        "a.csv",
                        "公司\n甲\n".getBytes(StandardCharsets.UTF_8),
                        Map.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mapping"));
        mvc.perform(Imports.upload(
                        "/api/v1/imports",
                        org.adminToken(),
                        "a.csv",
                        "name\nx\n".getBytes(StandardCharsets.UTF_8),
                        Map.of("mode", "merge", "match", "phone", "dryRun", "maybe")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("mode", "match", "dryRun")));
    }
}
