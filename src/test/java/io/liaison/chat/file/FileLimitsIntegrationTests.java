package io.liaison.chat.file;

import static io.liaison.chat.file.Uploads.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/**
 * The limits as an operator sets them: an organization's files stop at its storage limit, which
 * another organization's uploads do not use up; and a chat file limit above Spring's multipart
 * limit raises that one, so that the container never refuses a file the chat accepts.
 */
@LiaisonIntegrationTest
@TestPropertySource(
        properties = {
            "liaison.chat.max-storage=10KB",
            "liaison.chat.max-file-size=300MB",
            "spring.servlet.multipart.max-file-size=1MB",
            "spring.servlet.multipart.max-request-size=2MB"
        })
class FileLimitsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MultipartProperties multipart;

    @Test
    void anOrganizationsFilesStopAtItsStorageLimitAndOnlyItsOwn() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Org other = api.newOrg();
        byte[] fourKb = new byte[4096];

        Uploads.answer(mvc, upload(org.adminToken(), "a.bin", fourKb), 201);
        Uploads.answer(mvc, upload(org.adminToken(), "b.bin", fourKb), 201);
        String full = Uploads.answer(
                mvc, upload(org.adminToken(), "c.bin", fourKb).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 413);
        assertThat((String) JsonPath.read(full, "$.type")).endsWith("/problems/file-storage-full");
        assertThat((String) JsonPath.read(full, "$.detail")).contains("10 KB");

        Uploads.answer(mvc, upload(other.adminToken(), "c.bin", fourKb), 201);
        Uploads.answer(mvc, upload(org.adminToken(), "small.bin", new byte[2048]), 201);
    }

    @Test
    void springsMultipartLimitsFollowTheChatLimit() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(DataSize.ofMegabytes(300));
        assertThat(multipart.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(301));
    }
}
