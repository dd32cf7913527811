package io.liaison.integration;

import static io.liaison.identity.Api.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Uploads files to the import API and runs the jobs in the test's thread (db-scheduler is off in tests). */
final class Imports {

    private final MockMvc mvc;
    private final ImportRunner runner;

    Imports(MockMvc mvc, ImportRunner runner) {
        this.mvc = mvc;
        this.runner = runner;
    }

    static MockMultipartHttpServletRequestBuilder upload(
            String path, String token, String fileName, byte[] content, Map<String, String> params) {
        MockMultipartHttpServletRequestBuilder request =
                multipart(path).file(new MockMultipartFile("file", fileName, "application/octet-stream", content));
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        params.forEach(request::param);
        return request;
    }

    /** Starts an import and answers the job's id. */
    String start(String token, String fileName, byte[] content, Map<String, String> params) throws Exception {
        String body = mvc.perform(upload("/api/v1/imports", token, fileName, content, params))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.id");
    }

    /** Starts the import, runs it to its end and answers the job as JSON. */
    String importFile(String token, String fileName, byte[] content, Map<String, String> params) throws Exception {
        String id = start(token, fileName, content, params);
        runner.run(UUID.fromString(id), () -> false);
        return job(token, id);
    }

    String job(String token, String id) throws Exception {
        return mvc.perform(as(get("/api/v1/imports/" + id), token))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The error report. */
    String errors(String token, String id) throws Exception {
        return streamed(mvc, as(get("/api/v1/imports/" + id + "/errors"), token))
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The answer to a request the server streams (an asynchronous response for MockMvc), which must be 200. */
    static MockHttpServletResponse streamed(MockMvc mvc, RequestBuilder call) throws Exception {
        MvcResult started =
                mvc.perform(call).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
    }
}
