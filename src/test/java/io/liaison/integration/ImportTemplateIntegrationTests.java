package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@LiaisonIntegrationTest
class ImportTemplateIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportService imports;

    @Autowired
    ImportRunner runner;

    @Autowired
    JsonMapper json;

    byte[] template(Actor actor, String lang) throws Exception {
        return Imports.streamed(
                        mvc,
                        get("/contacts/import/template?lang=" + lang)
                                .with(authentication(new ActorAuthentication(actor))))
                .getContentAsByteArray();
    }

    static List<Row> rows(byte[] xlsx) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            return rows.toList();
        }
    }

    @Test
    void theChineseTemplateIsAWorkbookWhoseExampleImports() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Template", "zh-CN");
        byte[] xlsx = template(boss, "zh");
        List<Row> rows = rows(xlsx);
        assertThat(rows.get(0).getCellText(0)).isEqualTo("姓名");
        assertThat(rows.get(0).getCellText(1)).isEqualTo("手机");
        assertThat(rows.get(1).getCellText(0)).isEqualTo("张三");

        ImportJob job = imports.start(
                boss,
                new ByteArrayInputStream(xlsx),
                "模板.xlsx",
                ImportOptions.read(null, null, null, null, null, null, null, null, json));
        runner.run(job.id(), () -> false);
        ImportJob done = imports.get(boss, job.id());
        assertThat(done.created()).isEqualTo(1);
        assertThat(done.failed()).isZero();
    }

    @Test
    void theImportPageHandsOutTheErrorReportOfItsOwnJobsOnly() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Report", "zh-CN");
        ImportJob job = imports.start(
                boss,
                new ByteArrayInputStream("姓名,手机\n好,13800138000\n坏,123\n".getBytes(StandardCharsets.UTF_8)),
                "r.csv",
                ImportOptions.read(null, null, null, null, null, null, null, null, json));
        runner.run(job.id(), () -> false);
        String report = Imports.streamed(
                        mvc,
                        get("/contacts/import/" + job.id() + "/errors")
                                .with(authentication(new ActorAuthentication(boss))))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFRow,Result,Reason,姓名,手机").contains("3,Refused,");

        Actor stranger = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Other", "zh-CN");
        mvc.perform(get("/contacts/import/" + job.id() + "/errors")
                        .with(authentication(new ActorAuthentication(stranger))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theEnglishTemplateHasEnglishHeaders() throws Exception {
        Actor boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Template", "en");
        List<Row> rows = rows(template(boss, "en"));
        assertThat(rows.get(0).getCellText(0)).isEqualTo("Name");
        assertThat(rows.get(1).getCellText(0)).isEqualTo("Zhang San");
    }
}
