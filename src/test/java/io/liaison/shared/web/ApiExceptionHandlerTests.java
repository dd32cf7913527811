package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.shared.MessageBundleTests;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.validation.FieldError;
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

    /** A Bean Validation constraint reads as our rule, in the reader's language, never in its English. */
    @Test
    void aConstraintOfATypedBodyReadsAsOurRule() {
        FieldError size = new FieldError(
                "contact",
                "name",
                "",
                false,
                new String[] {"Size.contact.name", "Size"},
                new Object[] {new DefaultMessageSourceResolvable("name"), 100, 1},
                "size must be between 1 and 100");
        assertThat(MessageBundleTests.bundles()
                        .getMessage(ApiExceptionHandler.rule(size).rule(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("须为 1 到 100 个字符");
        FieldError blank =
                new FieldError("contact", "name", "", false, new String[] {"NotBlank"}, null, "must not be blank");
        assertThat(ApiExceptionHandler.rule(blank).rule().code()).isEqualTo("invalid.required");
    }
}
