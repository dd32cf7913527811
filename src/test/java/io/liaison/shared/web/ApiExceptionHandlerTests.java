package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.shared.MessageBundleTests;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

class ApiExceptionHandlerTests {

    final ApiExceptionHandler handler = new ApiExceptionHandler(
            new Problems(MessageBundleTests.bundles(), JsonMapper.builder().build()));

    final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/contacts");

    @Test
    void aValueTheDatabaseRefusesIsTheRequestsFault() {
        SQLException outOfRange = new SQLException("ERROR: timestamp out of range", "22008");
        ResponseEntity<ProblemDetail> answer =
                handler.other(new DataIntegrityViolationException("insert failed", outOfRange), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().getType()).hasToString("/problems/unstorable-value");
        assertThat(answer.getBody().getDetail()).doesNotContain("timestamp out of range", "ERROR");
    }

    @Test
    void anyOtherDatabaseFailureIsTheServers() {
        SQLException lost = new SQLException("connection lost", "08006");
        ResponseEntity<ProblemDetail> answer =
                handler.other(new DataIntegrityViolationException("insert failed", lost), request);
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }
}
