package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A session stored by an earlier Liaison whose classes have since changed (the actor's permissions
 * did in issue 15) asks its member to log in again rather than failing every request.
 */
@LiaisonIntegrationTest
class SessionReadingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionThatNoLongerReadsMeansLoggingInAgain() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        Cookie session = login(org, member);
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        byte[] actorClass = "io.liaison.identity.Actor".getBytes(StandardCharsets.UTF_8);
        int changed = 0;
        for (var row : jdbc.sql("SELECT session_primary_id, attribute_name, attribute_bytes"
                        + " FROM spring_session_attributes")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)})
                .list()) {
            byte[] bytes = (byte[]) row[2];
            int at = indexOf(bytes, actorClass);
            if (at >= 0) {
                bytes[at + actorClass.length - 1] = 'X';
                changed += jdbc.sql("UPDATE spring_session_attributes SET attribute_bytes = ?"
                                + " WHERE session_primary_id = ? AND attribute_name = ?")
                        .params(bytes, row[0], row[1])
                        .update();
            }
        }
        assertThat(changed).isPositive();

        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isUnauthorized());
        mvc.perform(get("/").cookie(login(org, member))).andExpect(status().isOk());
    }

    private Cookie login(Api.Org org, Api.Person member) throws Exception {
        return mvc.perform(post("/login")
                        .with(csrf())
                        .param("organization", org.code())
                        .param("username", member.login())
                        .param("password", member.password()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
