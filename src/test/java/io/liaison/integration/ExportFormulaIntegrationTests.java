package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A contact's text that a spreadsheet would run as a formula is exported as text: with a leading
 * {@code '} in CSV, as a string cell in XLSX; and importing the export changes nothing.
 */
@LiaisonIntegrationTest
class ExportFormulaIntegrationTests {

    static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRunner exportRunner;

    @Autowired
    ImportRunner importRunner;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
        mvc.perform(json(
                        post("/api/v1/contacts"),
                        org.adminToken(),
                        "{\"name\":\"Mallory\",\"mobile\":\"13800138000\",\"company\":\""
                                + HYPERLINK.replace("\"", "\\\"") + "\",\"title\":\"-2+3\",\"remark\":\"@SUM(1+1)\"}"))
                .andExpect(status().isCreated());
    }

    byte[] export(String format) throws Exception {
        String job = mvc.perform(json(post("/api/v1/exports"), org.adminToken(), "{\"format\":\"" + format + "\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(job, "$.id");
        exportRunner.run(UUID.fromString(id));
        return mvc.perform(as(get("/api/v1/exports/" + id + "/file"), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    void importsBackUnchanged(String name, byte[] file) throws Exception {
        String job = new Imports(mvc, importRunner).importFile(org.adminToken(), name, file, Map.of("mode", "upsert"));
        assertThat((Integer) JsonPath.read(job, "$.processed")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(job, "$.unchanged")).isEqualTo(1);
    }

    @Test
    void csvCellsThatWouldBeFormulasStartWithAnApostrophe() throws Exception {
        byte[] file = export("csv");
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(byHeader(rows))
                .containsEntry("公司", "'" + HYPERLINK)
                .containsEntry("职位", "'-2+3")
                .containsEntry("备注", "'@SUM(1+1)")
                .containsEntry("手机", "'+8613800138000")
                .containsEntry("姓名", "Mallory");
        importsBackUnchanged("back.csv", file);
    }

    @Test
    void xlsxCellsAreTextNeverFormulas() throws Exception {
        byte[] file = export("xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            Row contact = rows.skip(1).findFirst().orElseThrow();
            Cell company = contact.getCell(4);
            assertThat(company.getType()).isEqualTo(CellType.STRING);
            assertThat(company.getRawValue()).isEqualTo(HYPERLINK);
            assertThat(company.getFormula()).isNull();
            assertThat(contact.getCell(5).getRawValue()).isEqualTo("-2+3");
        }
        assertThat(sheetXml(file)).doesNotContain("<f>").doesNotContain("<f ");
        importsBackUnchanged("back.xlsx", file);
    }

    static Map<String, String> byHeader(List<CSVRecord> rows) {
        List<String> header = rows.get(0).toList();
        List<String> cells = rows.get(1).toList();
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), cells.get(i));
        }
        return map;
    }

    static String sheetXml(byte[] xlsx) throws Exception {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                return new String(
                        zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))
                                .readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }
}
