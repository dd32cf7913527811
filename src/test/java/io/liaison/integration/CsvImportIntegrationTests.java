package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class CsvImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    Api api;
    Api.Org org;
    Imports imports;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("zh-CN");
        imports = new Imports(mvc, runner);
    }

    String contacts(String query) throws Exception {
        return mvc.perform(as(get("/api/v1/contacts?limit=200&" + query), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAGbkFileFromChineseExcelWithChineseHeadersTagsAndOwners() throws Exception {
        Api.Person li = api.newMember(org, "MEMBER");
        String csv = "姓名,手机号,公司,职位,邮箱,标签,备注,负责人\r\n"
                + "张三,138 0013 8000,上海贸易,采购经理,zhang@example.cn,客户，重要,\"老客户\r\n第二行\",\r\n"
                + "李四,13900139000,北京科技,,li@example.cn;li.si@example.cn,供应商|渠道商,,Member " + li.login()
                + "\r\n";
        String job = imports.importFile(org.adminToken(), "客户.csv", csv.getBytes(Charset.forName("GBK")), Map.of());

        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("completed");
        assertThat((Integer) JsonPath.read(job, "$.total")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(2);
        assertThat((Map<String, String>) JsonPath.read(job, "$.mapping"))
                .containsEntry("姓名", "name")
                .containsEntry("手机号", "mobile")
                .containsEntry("负责人", "owner");
        mvc.perform(as(get("/api/v1/contacts?q=13800138000"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("张三"))
                .andExpect(jsonPath("$.items[0].company").value("上海贸易"))
                .andExpect(jsonPath("$.items[0].title").value("采购经理"))
                .andExpect(jsonPath("$.items[0].mobile").value("+8613800138000"))
                .andExpect(jsonPath("$.items[0].remark").value("老客户\r\n第二行"))
                .andExpect(jsonPath("$.items[0].tagIds.length()").value(2))
                .andExpect(jsonPath("$.items[0].ownerId").value(org.adminId()))
                .andExpect(jsonPath("$.items[0].source").value("import"));
        mvc.perform(as(get("/api/v1/contacts?q=李四"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].emails.length()").value(2))
                .andExpect(jsonPath("$.items[0].ownerId").value(li.id()));
    }

    @Test
    void importsUtf16TabSeparatedText() throws Exception {
        String text = "\uFEFFName\tMobile\tCompany\n王五\t13700137000\tÖsterreich GmbH\n";
        String job = imports.importFile(
                org.adminToken(), "contacts.txt", text.getBytes(StandardCharsets.UTF_16LE), Map.of("format", "csv"));

        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        mvc.perform(as(get("/api/v1/contacts?q=王五"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].company").value("Österreich GmbH"))
                .andExpect(jsonPath("$.items[0].mobile").value("+8613700137000"));
    }

    /** The import hands contact its rows; contact writes their name keys before the job is done. */
    @Test
    void importedContactsAreFoundByPinyinInitialsAsSoonAsTheJobIsCompleted() throws Exception {
        String csv = "姓名,公司\n欧阳锋,白驼山\n司马懿,魏\n";
        String job = imports.importFile(org.adminToken(), "名单.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("completed");
        assertThat(JsonPath.<List<String>>read(contacts("q=oyf"), "$.items[*].name"))
                .containsExactly("欧阳锋");
        assertThat(JsonPath.<List<String>>read(contacts("q=smy"), "$.items[*].name"))
                .containsExactly("司马懿");
        assertThat(JsonPath.<List<String>>read(contacts("q=ouyang"), "$.items[*].name"))
                .containsExactly("欧阳锋");
    }

    /** Reasons are kept by code: the same report reads in the language of whoever downloads it. */
    @Test
    void theErrorReportSaysEachReasonInTheReadersLanguage() throws Exception {
        String csv = "姓名,手机\n坏号码,12345\n好一,13600136001\n好二,13600136001\n";
        String id = imports.start(org.adminToken(), "mixed.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        runner.run(java.util.UUID.fromString(id), () -> false);

        assertThat(report(id, "en"))
                .contains("2,Refused,Mobile: '12345' is not a valid phone number")
                .contains("4,Skipped,has the same mobile number as row 3");
        assertThat(report(id, "zh-CN")).contains("2,未通过,手机：“12345”不是有效的电话号码").contains("4,跳过,与第 3 行的手机号相同");
    }

    String report(String id, String language) throws Exception {
        return Imports.streamed(
                        mvc,
                        as(get("/api/v1/imports/" + id + "/errors"), org.adminToken())
                                .header(HttpHeaders.ACCEPT_LANGUAGE, language))
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsEveryGoodRowAndReportsEachBadOneWithItsRowAndReason() throws Exception {
        String csv = "\uFEFF姓名;手机;标签\n"
                + "好一;13600136001;客户\n"
                + "坏号码;12345;\n"
                + ";13600136003;\n"
                + "未知标签;13600136004;不存在的标签\n"
                + "好二;13600136001;\n"
                + "好三;13600136006;供应商\n";
        String id = imports.start(org.adminToken(), "mixed.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        runner.run(java.util.UUID.fromString(id), () -> false);
        String job = imports.job(org.adminToken(), id);

        assertThat((Integer) JsonPath.read(job, "$.total")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(job, "$.processed")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(job, "$.failed")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(job, "$.skipped")).isEqualTo(1);

        List<CSVRecord> errors = CSVFormat.RFC4180
                .parse(new StringReader(imports.errors(org.adminToken(), id).substring(1)))
                .getRecords();
        assertThat(errors.get(0).toList()).containsExactly("Row", "Result", "Reason", "姓名", "手机", "标签");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(1).toList()).startsWith("3", "Refused").endsWith("坏号码", "12345", "");
        assertThat(errors.get(1).get(2)).contains("Mobile: '12345' is not a valid phone number");
        assertThat(errors.get(2).toList()).startsWith("4", "Refused");
        assertThat(errors.get(2).get(2)).contains("Name: must have 1 to 100 characters");
        assertThat(errors.get(3).toList()).startsWith("5", "Refused");
        assertThat(errors.get(3).get(2)).contains("there is no tag '不存在的标签'");
        assertThat(errors.get(4).toList()).startsWith("6", "Skipped");
        assertThat(errors.get(4).get(2)).isEqualTo("has the same mobile number as row 2");
        assertThat(JsonPath.<List<String>>read(contacts("source=import"), "$.items[*].name"))
                .containsExactlyInAnyOrder("好一", "好三");
    }

    @Test
    void createsMissingTagsWhenAskedInAGroupOfTheirOwn() throws Exception {
        String csv = "name,mobile,tags\nAda,13500135000,VIP；华东\n";
        String job = imports.importFile(
                org.adminToken(),
                "tags.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                Map.of("createMissingTags", "true"));

        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        String groups = mvc.perform(as(get("/api/v1/tag-groups"), org.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(groups, "$.items[?(@.name == '导入 Imported')].tags[*].name"))
                .containsExactlyInAnyOrder("VIP", "华东");
    }
}
