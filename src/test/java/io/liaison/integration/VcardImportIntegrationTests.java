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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every file of the real-world vCard corpus (../shared/testdata/vcards). */
@LiaisonIntegrationTest
class VcardImportIntegrationTests {

    /** The corpus of {@code ../shared/testdata/vcards}, kept with the tests so that a clone has it (see its README). */
    static final Path CORPUS = Path.of("src/test/resources/vcards");

    /** The cards of the corpus with neither a name nor an organization: file and card number. */
    static final List<String> NAMELESS = List.of(
            "aosp_v21_android_custom_prop.vcf#1",
            "aosp_v21_im.vcf#1",
            "ez_John_Doe_ANDROID.vcf#1",
            "ez_John_Doe_ANDROID.vcf#2",
            "fk_Photo_Outlook_v2.vcf#1");

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
        org = api.newOrg("en");
        imports = new Imports(mvc, runner);
    }

    @Test
    void importsEveryCardWithANameOrAnOrganizationAndReportsTheOthers() throws Exception {
        List<Path> files;
        try (var list = Files.list(CORPUS)) {
            files = list.filter(p -> p.toString().endsWith(".vcf")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(70);
        List<String> refused = new ArrayList<>();
        int cards = 0;
        int created = 0;
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            int inFile = countCards(content);
            cards += inFile;
            if (inFile == 0) {
                mvc.perform(Imports.upload(
                                "/api/v1/imports",
                                org.adminToken(),
                                file.getFileName().toString(),
                                content,
                                Map.of()))
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[0].field").value("file"))
                        .andExpect(jsonPath("$.errors[0].message").value("is empty"));
                continue;
            }
            // Matched by external id, which no card has: cards of different files that share a
            // number are all imported, as each file is.
            String id = imports.start(
                    org.adminToken(), file.getFileName().toString(), content, Map.of("match", "externalId"));
            runner.run(java.util.UUID.fromString(id), () -> false);
            String job = imports.job(org.adminToken(), id);
            assertThat((String) JsonPath.read(job, "$.status"))
                    .as(file.toString())
                    .isEqualTo("completed");
            assertThat((Integer) JsonPath.read(job, "$.processed"))
                    .as(file.toString())
                    .isEqualTo(inFile);
            created += (Integer) JsonPath.read(job, "$.created");
            for (CSVRecord r : problems(id)) {
                if (r.get(1).equals("Refused")) {
                    refused.add(file.getFileName() + "#" + r.get(0) + ": " + r.get(2));
                }
            }
        }
        assertThat(refused)
                .containsExactlyInAnyOrderElementsOf(NAMELESS.stream()
                        .map(card -> card + ": the card has neither a name nor an organization")
                        .toList());
        assertThat(created).isEqualTo(cards - NAMELESS.size());
    }

    /** BEGIN:VCARD lines, in whatever encoding the file has (UTF-16 has them with zero bytes). */
    private static int countCards(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\0", "");
        Matcher m = Pattern.compile("(?i)BEGIN:VCARD").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private List<CSVRecord> problems(String id) throws Exception {
        String csv = imports.errors(org.adminToken(), id).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        return records.subList(1, records.size());
    }

    @Test
    void readsCharsetsByteOrderMarksQuotedPrintableAndPhotos() throws Exception {
        for (String file : List.of(
                "fk_utf-8.vcf",
                "aosp_v21_japanese_1.vcf",
                "fk_German.vcf",
                "fk_v3Utf16Bom.vcf",
                "fk_Photo_v3.vcf",
                "fk_Cropped_2_1.vcf")) {
            imports.importFile(org.adminToken(), file, Files.readAllBytes(CORPUS.resolve(file)), Map.of());
        }
        mvc.perform(as(get("/api/v1/contacts?q=孔夫子"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("孔夫子"));
        mvc.perform(as(get("/api/v1/contacts?q=安藤"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("安藤ロイド"));
        mvc.perform(as(get("/api/v1/contacts?q=Sören"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("Sören Täve Nüßlebaum"))
                .andExpect(jsonPath("$.items[0].address").value("Mößlitz"));
        mvc.perform(as(get("/api/v1/contacts?q=Folker"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].emails[0].address").value("email1@wumms.de"));
        String emma = mvc.perform(as(get("/api/v1/contacts?q=Emma"), org.adminToken()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(emma, "$.items[0].avatarUrl")).startsWith("data:image/jpeg;base64,/9j/");
        assertThat((String) JsonPath.read(emma, "$.items[0].birthday")).isEqualTo("2011-03-17");
        mvc.perform(as(get("/api/v1/contacts?q=Maxl"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].company").value("Firma Führungsetage"));
    }

    @Test
    void leavesOutWhatIsNotValidAndSaysWhat() throws Exception {
        String id = imports.start(
                org.adminToken(), "outlook.vcf", Files.readAllBytes(CORPUS.resolve("ez_outlook-2003.vcf")), Map.of());
        runner.run(java.util.UUID.fromString(id), () -> false);
        String job = imports.job(org.adminToken(), id);
        assertThat((Integer) JsonPath.read(job, "$.created")).isEqualTo(1);
        List<CSVRecord> notes = problems(id);
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).get(1)).isEqualTo("Note");
        assertThat(notes.get(0).get(2)).contains("left out").contains("'MobilePhone' is not a valid phone number");
        mvc.perform(as(get("/api/v1/contacts?q=John Doe"), org.adminToken()))
                .andExpect(jsonPath("$.items[0].name").value("John Doe III"))
                .andExpect(jsonPath("$.items[0].mobile").doesNotExist());
    }
}
