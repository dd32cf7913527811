package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class ExportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRunner exportRunner;

    @Autowired
    ImportRunner importRunner;

    @Autowired
    FileCleanup cleanup;

    Api api;
    Api.Org org;
    String customer;
    String zhang;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        String groups = body(org.adminToken(), "/api/v1/tag-groups");
        customer = JsonPath.<List<String>>read(groups, "$.items[0].tags[?(@.name == '客户')].id")
                .get(0);
        zhang = contact(
                org.adminToken(),
                "{\"name\":\"张三\",\"mobile\":\"13800138000\",\"company\":\"上海贸易\",\"tagIds\":[\""
                        + customer + "\"],\"phones\":[{\"label\":\"办公\",\"number\":\"+86 21 6123 4567\"}],"
                        + "\"emails\":[{\"label\":\"工作\",\"address\":\"zhang@example.cn\"}],\"gender\":\"male\","
                        + "\"birthday\":\"1985-03-02\",\"remark\":\"两行\\n备注\",\"externalIds\":{\"crm\":\"C-1\"}}");
        contact(org.adminToken(), "{\"name\":\"欧阳娜娜\",\"mobile\":\"13900139000\",\"title\":\"总监\"}");
    }

    String body(String token, String path) throws Exception {
        return mvc.perform(as(get(path), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String contact(String token, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), token, body));
    }

    /** Starts the export, runs it and answers the file's bytes. */
    byte[] export(String token, String request) throws Exception {
        String job = mvc.perform(json(post("/api/v1/exports"), token, request))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(job, "$.id");
        exportRunner.run(UUID.fromString(id));
        String done = body(token, "/api/v1/exports/" + id);
        assertThat((String) JsonPath.read(done, "$.status")).isEqualTo("completed");
        return mvc.perform(as(get("/api/v1/exports/" + id + "/file"), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    static List<CSVRecord> csv(byte[] file) throws Exception {
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    @Test
    void exportsCsvInUtf8WithBomAndChineseHeadersThatTheImportReadsBackUnchanged() throws Exception {
        byte[] file = export(org.adminToken(), "{\"format\":\"csv\"}");
        List<CSVRecord> rows = csv(file);
        assertThat(rows.get(0).toList())
                .containsExactly(
                        "姓名",
                        "手机",
                        "电话",
                        "邮箱",
                        "公司",
                        "职位",
                        "地址",
                        "备注",
                        "标签",
                        "负责人",
                        "性别",
                        "生日",
                        "外部编号（crm）",
                        "创建时间",
                        "更新时间",
                        "最近联系");
        CSVRecord zhang =
                rows.stream().filter(r -> r.get(0).equals("张三")).findFirst().orElseThrow();
        assertThat(zhang.toList().subList(13, 16))
                .satisfiesExactly(
                        created -> assertThat(created).matches(SHANGHAI_TIME),
                        updated -> assertThat(updated).matches(SHANGHAI_TIME),
                        lastContacted -> assertThat(lastContacted).isEmpty());
        assertThat(zhang.toList().subList(0, 13))
                .containsExactly(
                        "张三",
                        "'+8613800138000",
                        "'+862161234567",
                        "zhang@example.cn",
                        "上海贸易",
                        "",
                        "",
                        "两行\n备注",
                        "客户",
                        JsonPath.read(body(org.adminToken(), "/api/v1/me"), "$.displayName"),
                        "男",
                        "1985-03-02",
                        "C-1");

        String job =
                new Imports(mvc, importRunner).importFile(org.adminToken(), "back.csv", file, Map.of("mode", "upsert"));
        assertThat((Integer) JsonPath.read(job, "$.unchanged")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.processed")).isEqualTo(2);
    }

    /** An organization's time with its offset, to the second. */
    static final String SHANGHAI_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Test
    void exportsTimesInTheOrganizationsZoneWithItsOffset() throws Exception {
        mvc.perform(json(
                        post("/api/v1/contacts/" + zhang + "/follow-ups"),
                        org.adminToken(),
                        "{\"type\":\"call\",\"content\":\"回访\",\"occurredAt\":\"2026-12-03T05:36:00Z\"}"))
                .andExpect(status().isCreated());
        assertThat(lastContacted(csv(export(org.adminToken(), "{\"format\":\"csv\"}"))))
                .isEqualTo("2026-12-03T13:36:00+08:00");

        mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"timeZone\":\"America/New_York\"}"))
                .andExpect(status().isOk());
        byte[] workbook = export(org.adminToken(), "{\"format\":\"xlsx\"}");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Row row =
                    rows.filter(r -> r.getCellText(0).equals("张三")).findFirst().orElseThrow();
            assertThat(row.getCellText(15)).isEqualTo("2026-12-03T00:36:00-05:00");
        }
    }

    static String lastContacted(List<CSVRecord> rows) {
        CSVRecord header = rows.get(0);
        int column = header.toList().indexOf("最近联系");
        return rows.stream()
                .filter(r -> r.get(0).equals("张三"))
                .findFirst()
                .orElseThrow()
                .get(column);
    }

    @Test
    void exportsAWorkbookThatTheImportReadsBackUnchanged() throws Exception {
        byte[] file = export(org.adminToken(), "{\"format\":\"xlsx\"}");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(3);
            assertThat(all.get(0).getCellText(0)).isEqualTo("姓名");
            assertThat(all.stream().map(r -> r.getCellText(1))).contains("+8613900139000");
        }
        String job = new Imports(mvc, importRunner)
                .importFile(org.adminToken(), "back.xlsx", file, Map.of("mode", "upsert"));
        assertThat((Integer) JsonPath.read(job, "$.unchanged")).isEqualTo(2);
    }

    @Test
    void aWorkbookHoldsMobilesPhonesAndIdsAsTextCellsThatExcelShowsDigitByDigit() throws Exception {
        contact(
                org.adminToken(),
                "{\"name\":\"王五\",\"mobile\":\"13700137000\",\"phones\":[{\"number\":\"13600136000\"}],"
                        + "\"externalIds\":{\"crm\":\"0012345678901234567\"}}");
        byte[] file = export(org.adminToken(), "{\"format\":\"xlsx\",\"filter\":{\"q\":\"王五\"}}");
        String sheet;
        String strings;
        // Read as a zip file, not a stream: the writer puts the sizes of stored parts after them.
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("export", ".xlsx");
        try (var zip =
                new java.util.zip.ZipFile(java.nio.file.Files.write(copy, file).toFile())) {
            sheet = new String(
                    zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
                    StandardCharsets.UTF_8);
            strings = new String(
                    zip.getInputStream(zip.getEntry("xl/sharedStrings.xml")).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(copy);
        }
        // A numeric cell has no t attribute (or t="n") and a <v> of digits, which Excel shows as 1.37001E+10.
        var cells = java.util.regex.Pattern.compile("<c r=\"([A-Z]+)2\"([^>]*)>(.*?)</c>")
                .matcher(sheet)
                .results()
                .toList();
        assertThat(cells).hasSizeGreaterThanOrEqualTo(4);
        for (var cell : cells) {
            assertThat(cell.group(2)).as("cell %s2", cell.group(1)).containsPattern("t=\"(s|inlineStr)\"");
        }
        List<String> shared = java.util.regex.Pattern.compile("<t[^>]*>([^<]*)</t>")
                .matcher(strings)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(shared).contains("+8613700137000", "+8613600136000", "0012345678901234567");
    }

    @Test
    void exportsVcardsWithUidsPinyinForSortingAndTagsAsCategories() throws Exception {
        byte[] file = export(org.adminToken(), "{\"format\":\"vcard\",\"version\":\"4.0\"}");
        String text = new String(file, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("VERSION:4.0")
                .contains("X-PHONETIC-LAST-NAME:Ouyang")
                .contains("X-PHONETIC-FIRST-NAME:Nana");
        List<VCard> cards = Ezvcard.parse(text).all();
        assertThat(cards).hasSize(2);
        VCard zhang = cards.stream()
                .filter(c -> c.getFormattedName().getValue().equals("张三"))
                .findFirst()
                .orElseThrow();
        assertThat(zhang.getUid().getValue()).startsWith("urn:uuid:");
        assertThat(zhang.getStructuredName().getFamily()).isEqualTo("张");
        assertThat(zhang.getStructuredName().getGiven()).isEqualTo("三");
        assertThat(zhang.getExtendedProperty("X-PHONETIC-LAST-NAME").getValue()).isEqualTo("Zhang");
        assertThat(zhang.getCategories().getValues()).containsExactly("客户");
        assertThat(zhang.getTelephoneNumbers().get(0).getText()).isEqualTo("+8613800138000");
    }

    @Test
    void exportsOnlyWhatTheMemberSeesMaskedAsTheySeeItAndIsAudited() throws Exception {
        String role = api.newRole(org, Api.unique("Exporter"), "ALL", "contact.create", "contact.export");
        Api.Person exporter = api.newMember(org, role);
        contact(exporter.token(), "{\"name\":\"自己的\",\"mobile\":\"13700137000\"}");
        mvc.perform(json(patch("/api/v1/organization"), org.adminToken(), "{\"maskContactDetails\":true}"))
                .andExpect(status().isOk());

        List<CSVRecord> rows = csv(export(exporter.token(), "{\"format\":\"csv\",\"filter\":{\"q\":\"张三\"}}"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(1)).isEqualTo("'+86 138****8000");
        assertThat(rows.get(1).get(3)).doesNotContain("zhang@example.cn");
        List<CSVRecord> own = csv(export(exporter.token(), "{\"format\":\"csv\",\"filter\":{\"q\":\"自己的\"}}"));
        assertThat(own.get(1).get(1)).isEqualTo("'+8613700137000");

        String audit = body(org.adminToken(), "/api/v1/audit-events?action=contact.exported");
        assertThat(JsonPath.<List<Integer>>read(audit, "$.items[*].after.rows")).contains(1);
        assertThat(JsonPath.<List<String>>read(audit, "$.items[*].after.filter.q"))
                .contains("张三", "自己的");

        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(json(post("/api/v1/exports"), member.token(), "{\"format\":\"csv\"}"))
                .andExpect(status().isForbidden());
        Api.Person self = api.newMember(org, api.newRole(org, Api.unique("Own"), "SELF", "contact.export"));
        assertThat(csv(export(self.token(), "{\"format\":\"csv\"}"))).hasSize(1);
    }

    @Test
    void refusesABadRequestAndHandsOutNoExpiredFile() throws Exception {
        mvc.perform(json(
                        post("/api/v1/exports"),
                        org.adminToken(),
                        "{\"format\":\"pdf\",\"filter\":{\"colour\":\"red\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("format", "filter.colour")));
        String job = mvc.perform(json(post("/api/v1/exports"), org.adminToken(), "{\"format\":\"csv\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(job, "$.id");
        mvc.perform(as(get("/api/v1/exports/" + id + "/file"), org.adminToken()))
                .andExpect(status().isConflict());
        exportRunner.run(UUID.fromString(id));
        cleanup.clean(OffsetDateTime.now().plusHours(25));
        mvc.perform(as(get("/api/v1/exports/" + id + "/file"), org.adminToken()))
                .andExpect(status().isGone());
        assertThat((String) JsonPath.read(body(org.adminToken(), "/api/v1/exports/" + id), "$.status"))
                .isEqualTo("expired");
    }
}
