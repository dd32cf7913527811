package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Files and bodies that libraries fail to read: the answer says so in Liaison's words, never theirs. */
@LiaisonIntegrationTest
class LibraryWordsIntegrationTests {

    static final String CLASS_NAME = "(com|org|tools|java|jakarta)\\.[a-z]+\\.|[A-Z][A-Za-z]*Exception";

    @Autowired
    MockMvc mvc;

    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        org = new Api(mvc).newOrg();
    }

    /** A workbook written by fastexcel whose worksheet is replaced by {@code sheetXml}. */
    static byte[] workbook(String sheetXml) throws Exception {
        Path valid = Files.createTempFile("valid", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(valid);
                    Workbook wb = new Workbook(out, "Liaison tests", "1.0")) {
                Worksheet sheet = wb.newWorksheet("contacts");
                sheet.value(0, 0, "name");
                sheet.value(1, 0, "张三");
            }
            ByteArrayOutputStream broken = new ByteArrayOutputStream();
            try (ZipFile in = new ZipFile(valid.toFile());
                    ZipOutputStream out = new ZipOutputStream(broken)) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(
                            entry.getName().endsWith("sheet1.xml")
                                    ? sheetXml.getBytes(StandardCharsets.UTF_8)
                                    : in.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
            return broken.toByteArray();
        } finally {
            Files.delete(valid);
        }
    }

    String preview(byte[] file) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/preview")
                        .file(new MockMultipartFile("file", "contacts.xlsx", "application/octet-stream", file))
                        .header("Authorization", "Bearer " + org.adminToken()))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aWorkbookWithBrokenXmlIsRefusedWithoutTheParsersWords() throws Exception {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
        String header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></is></c></row>";
        for (String sheet : new String[] {
            head + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>name</t></c></row>",
            head + header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>张三</is></c></row></sheetData></worksheet>"
        }) {
            String answer = preview(workbook(sheet));
            assertThat(answer).contains("\"status\":400", "\"field\":\"file\"");
            assertThat(answer).doesNotContainPattern(CLASS_NAME);
        }
    }
}
