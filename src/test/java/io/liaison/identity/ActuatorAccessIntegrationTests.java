package io.liaison.identity;

import static io.liaison.identity.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.shared.LiaisonProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Health says UP to anyone; its details and the metrics describe the whole server and are the system
 * administrator's alone, not an organization's administrator's; no detail names a path of the server.
 */
@LiaisonIntegrationTest
class ActuatorAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LiaisonProperties properties;

    Api api;
    Api.Org org;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(mvc);
        org = api.newOrg();
    }

    @Test
    void healthIsPublicWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    }

    @Test
    void anOrganizationsAdministratorGetsNeitherMetricsNorHealthDetails() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        mvc.perform(as(get("/actuator/prometheus"), member.token())).andExpect(status().isForbidden());
        mvc.perform(as(get("/actuator/prometheus"), org.adminToken()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(as(get("/actuator/health"), org.adminToken()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true));
    }

    @Test
    void theSystemAdministratorGetsMetricsAndHealthDetailsWithoutPaths() throws Exception {
        String token = api.systemAdminToken();
        mvc.perform(as(get("/actuator/prometheus"), token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")));
        String health = mvc.perform(as(get("/actuator/health"), token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.status").value("UP"))
                .andExpect(jsonPath("$.components.diskSpace.details.free").isNumber())
                .andExpect(jsonPath("$.components.diskSpace.details.path").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(health)
                .doesNotContain(properties.dataDir().toAbsolutePath().toString())
                .doesNotContain("\"path\"");
    }
}
