package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Uploads past LIAISON_IMPORT_MAX_* are refused as 413 problems naming the limit, before anything is expanded. */
@LiaisonIntegrationTest
class ImportLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ImportRunner runner;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg("zh-CN");
    }

    @Test
    void aSmallWorkbookThatExpandsPastTheLimitsIsRefusedBeforeItIsExpanded() throws Exception {
        // 20 million empty rows: 120 MB of XML, past the 100 MB a part may have, in about 120 KB.
        byte[] bomb = Workbooks.of(s -> s.row(1, "name").repeat("<row/>", 20_000_000), "");
        assertThat(bomb.length).isLessThan(400_000);
        for (String path : new String[] {"/api/v1/imports/preview", "/api/v1/imports"}) {
            mvc.perform(Imports.upload(path, org.adminToken(), "bomb.xlsx", bomb, Map.of())
                            .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/import-compression-ratio"))
                    .andExpect(
                            jsonPath("$.detail")
                                    .value(
                                            "The workbook's part xl/worksheets/sheet1.xml expands more than 100 times its"
                                                    + " compressed size (LIAISON_IMPORT_MAX_COMPRESSION_RATIO); it may be a zip bomb."));
        }
    }

    @Test
    void aHugeCellIsRefusedNamingItsRowAndColumnNotReturnedInThePreview() throws Exception {
        // The workbook of the issue: one cell of hundreds of megabytes in a few hundred kilobytes.
        byte[] workbook = Workbooks.of(
                s -> s.row(1, "name", "note")
                        .write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c>")
                        .write("<c r=\"B2\" t=\"inlineStr\"><is><t>")
                        .repeat("a", 200_000_000)
                        .write("</t></is></c></row>"),
                "");
        assertThat(workbook.length).isLessThan(400_000);
        String body = mvc.perform(
                        Imports.upload("/api/v1/imports/preview", org.adminToken(), "big.xlsx", workbook, Map.of())
                                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/import-cell-too-long"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains("第 2 行 B 列的单元格超过 32,767 个字符（LIAISON_IMPORT_MAX_CELL_CHARS）。")
                .hasSizeLessThan(1_000);
    }

    @Test
    void aCsvCellOrRowPastTheLimitsIsRefusedNamingTheLimit() throws Exception {
        byte[] wide = ("name," + "c,".repeat(250) + "\n张三\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(Imports.upload("/api/v1/imports/preview", org.adminToken(), "wide.csv", wide, Map.of())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("/problems/import-too-many-columns"))
                .andExpect(jsonPath("$.detail")
                        .value("Row 1 has 251 columns; at most 200 are read (LIAISON_IMPORT_MAX_COLUMNS)."));
        byte[] longCell = ("name,note\n张三," + "x".repeat(32_768) + "\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(Imports.upload("/api/v1/imports/preview", org.adminToken(), "long.csv", longCell, Map.of())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.detail")
                        .value("The cell in row 2, column B has more than 32,767 characters"
                                + " (LIAISON_IMPORT_MAX_CELL_CHARS)."));
        byte[] fits = ("name,note\n张三," + "x".repeat(32_767) + "\n").getBytes(StandardCharsets.UTF_8);
        mvc.perform(Imports.upload("/api/v1/imports/preview", org.adminToken(), "fits.csv", fits, Map.of()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[0].record").value(2))
                .andExpect(jsonPath("$.rows[0].cells[1]").value("x".repeat(500) + "…"));
    }

    @Test
    void aJobThatMeetsALimitPastItsFirstRowsEndsFailedNamingIt() throws Exception {
        StringBuilder csv = new StringBuilder("name,mobile\n");
        for (int i = 0; i < 20; i++) {
            csv.append("张")
                    .append(i)
                    .append(",1381234")
                    .append(String.format("%04d", i))
                    .append('\n');
        }
        csv.append("李四").append(",x".repeat(250)).append('\n');
        String job = new Imports(mvc, runner)
                .importFile(org.adminToken(), "late.csv", csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("failed");
        assertThat((String) JsonPath.read(job, "$.failure"))
                .isEqualTo("Row 22 has 251 columns; at most 200 are read (LIAISON_IMPORT_MAX_COLUMNS).");
        // kept by code: a reader of another language reads it in theirs
        mvc.perform(as(get("/api/v1/imports/" + JsonPath.read(job, "$.id")), org.adminToken())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.failure").value("第 22 行有 251 列，最多读取 200 列（LIAISON_IMPORT_MAX_COLUMNS）。"));
    }
}
