package io.liaison;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultHandlers.print;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@LiaisonIntegrationTest
class SmokeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void starts() throws Exception {
        mvc.perform(get("/actuator/health")).andDo(print()).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tokens")
                        .header(
                                "Authorization",
                                "Basic "
                                        + java.util.Base64.getEncoder()
                                                .encodeToString(("admin:" + TestDatabase.ADMIN_PASSWORD).getBytes()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andDo(print())
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/nope")).andDo(print());
    }
}
