package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every error is a problem detail that names what was wrong (API.md), and the API documents itself. */
@LiaisonIntegrationTest
class ApiConventionsIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void malformedJsonIsA400ProblemThatSaysSo() throws Exception {
        mvc.perform(as(post("/api/v1/departments"), org.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sales\""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/malformed-request"))
                .andExpect(jsonPath("$.detail", containsString("not valid JSON")))
                .andExpect(jsonPath("$.instance").value("/api/v1/departments"));
        mvc.perform(as(post("/api/v1/departments"), org.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sales\", \"sortOrder\": \"first\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sortOrder"));
    }

    @Test
    void badIdsAndUnknownFieldsAreNamed() throws Exception {
        mvc.perform(as(get("/api/v1/members/not-an-id"), org.adminToken()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(as(patch("/api/v1/members/" + org.adminId()), org.adminToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"shoeSize\": 42}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("shoeSize"));
    }

    @Test
    void problemsSpeakTheCallersLanguage() throws Exception {
        mvc.perform(as(get("/api/v1/members/0190a5d2-0000-7000-8000-000000000000"), org.adminToken())
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("成员不存在"));
        mvc.perform(get("/api/v1/me").header("Accept-Language", "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.title").value("需要登录"));
    }

    @Test
    void aMemberIsForbiddenWithAProblem() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(as(post("/api/v1/members/" + org.adminId() + "/deactivate"), member.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("deactivate members")));
    }

    @Test
    void theApiIsDescribedByOpenApiAndBrowsable() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi", containsString("3.1")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/members")))
                .andExpect(jsonPath("$.paths", hasKey("/api/v1/tokens")))
                .andExpect(jsonPath("$.paths", not(hasKey("/error"))))
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/me'].get.parameters").doesNotExist());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/api/v1/me"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
    }
}
