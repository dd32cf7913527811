package io.liaison.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.LiaisonIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Old login attempts and stale or void devices are deleted; recent ones stay. */
@LiaisonIntegrationTest
class LoginCleanupIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginCleanup cleanup;

    @Test
    void deletesAttemptsPastTheirKeepingAndDevicesPastTheirLifetime() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        Api.Person member = api.newMember(org, "MEMBER");
        api.token(org.code() + "/" + member.login(), member.password());
        api.token(org.code() + "/" + member.login(), member.password());
        List<UUID> devices = jdbc.sql("SELECT id FROM login_device WHERE member_id = ?::uuid ORDER BY id")
                .param(member.id())
                .query(UUID.class)
                .list();
        assertThat(devices).hasSizeGreaterThanOrEqualTo(3);
        jdbc.sql("UPDATE login_attempt SET attempted_at = now() - interval '31 days' WHERE login = ? "
                        + "AND attempted_at = (SELECT min(attempted_at) FROM login_attempt WHERE login = ?)")
                .params(member.login(), member.login())
                .update();
        jdbc.sql("UPDATE login_device SET last_login_at = now() - interval '181 days' WHERE id = ?")
                .param(devices.get(0))
                .update();
        jdbc.sql("UPDATE login_device SET revoked_at = now() - interval '2 days' WHERE id = ?")
                .param(devices.get(1))
                .update();
        int attempts = count("SELECT count(*) FROM login_attempt WHERE login = '" + member.login() + "'");

        cleanup.clean();

        assertThat(count("SELECT count(*) FROM login_attempt WHERE login = '" + member.login() + "'"))
                .isEqualTo(attempts - 1);
        assertThat(jdbc.sql("SELECT id FROM login_device WHERE member_id = ?::uuid")
                        .param(member.id())
                        .query(UUID.class)
                        .list())
                .doesNotContain(devices.get(0), devices.get(1))
                .contains(devices.get(2));
    }

    int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
