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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A job that would fail again ends failed with its reason, shown in the API, instead of staying running. */
@LiaisonIntegrationTest
class ExportFailureIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExportRunner exportRunner;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExportTheWriterCannotWriteEndsFailedWithItsReasonAndIsNotRetried() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String contact = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"张三\"}"));
        // Stored before there were maxima: more external-id sources than a worksheet has columns.
        jdbc.sql("""
                        INSERT INTO contact_external_id (org_id, contact_id, source, external_id)
                        SELECT ?, ?, 's' || g, 'v' || g FROM generate_series(1, 16400) g
                        """)
                .params(UUID.fromString(org.id()), UUID.fromString(contact))
                .update();
        String started = mvc.perform(json(post("/api/v1/exports"), org.adminToken(), "{\"format\":\"xlsx\"}"))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        UUID id = UUID.fromString(JsonPath.read(started, "$.id"));

        // Thrown, db-scheduler would try it again every few minutes, for ever.
        exportRunner.run(id);

        String job = mvc.perform(as(get("/api/v1/exports/" + id), org.adminToken()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(job, "$.status")).isEqualTo("failed");
        // kept by code: said in the language of whoever reads it
        // A library's words are in no bundle: they go to the log, and the reason says so.
        assertThat((String) JsonPath.read(job, "$.failure"))
                .isEqualTo(
                        "It failed on the server and would fail again if tried: the details are in the server's log");
        String chinese = mvc.perform(
                        as(get("/api/v1/exports/" + id), org.adminToken()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(chinese, "$.failure")).isEqualTo("服务器处理失败，重试也会失败：详情已记入服务器日志");
        assertThat(Files.exists(exportRunner.file(id))).isFalse();
        assertThat(Files.exists(exportRunner.file(id).resolveSibling(id + ".part")))
                .isFalse();
    }

    @Test
    void onlyFailuresFromOutsideTheJobAreTransient() {
        assertThat(JobFailures.isTransient(new IllegalArgumentException("column 16385")))
                .isFalse();
        assertThat(JobFailures.isTransient(
                        new org.springframework.jdbc.CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        assertThat(JobFailures.isTransient(new IllegalStateException(
                        "wrapped", new java.sql.SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(JobFailures.isTransient(new org.springframework.dao.DataIntegrityViolationException("dup")))
                .isFalse();
    }
}
