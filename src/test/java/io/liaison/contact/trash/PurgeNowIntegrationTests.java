package io.liaison.contact.trash;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The trash tells how long each contact stays restorable, and an administrator purges one now or
 * empties the trash: gone for good, audited, published as a purge; nobody else may.
 */
@LiaisonIntegrationTest
class PurgeNowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachRowCountsDownAndAnAdministratorPurgesOneNowOrEmptiesTheRest() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person member = api.newMember(org, "MEMBER");
        String first = trashed(api, org, "张三");
        String second = trashed(api, org, "李四");
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();

        assertThat(page(admin, "zh-CN")).contains("30 天后彻底删除").contains("立即删除").contains("清空回收站");
        assertThat(page(admin, "en")).contains("purged in 30 days").contains("Purge now");
        Actor reader = members.actor(UUID.fromString(member.id())).orElseThrow();
        assertThat(page(reader, "en")).as("no purge without the right").doesNotContain("Purge now");

        String refused = api.answer(
                as(delete("/api/v1/trash/contacts/" + first), member.token()).header("Accept-Language", "zh-CN"), 403);
        assertThat(refused).contains("彻底删除回收站中的联系人");
        api.answer(as(delete("/api/v1/trash/contacts/" + first), org.adminToken()), 204);
        assertThat(exists(org, first)).isFalse();
        assertThat(actions(org, first)).contains("contact.purged-now", "contact.purged");
        assertThat(api.answer(as(get("/api/v1/trash/contacts"), org.adminToken()), 200))
                .doesNotContain(first)
                .contains(second);
        api.answer(as(delete("/api/v1/trash/contacts/" + first), org.adminToken()), 404);

        String emptied = api.answer(as(delete("/api/v1/trash/contacts"), org.adminToken()), 200);
        assertThat(emptied).contains("\"purged\":1");
        assertThat(exists(org, second)).isFalse();
        assertThat(page(admin, "zh-CN")).doesNotContain("李四");
    }

    @Test
    void thePagePurgesARowAfterItsConfirmation() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        String id = trashed(api, org, "Wang Wu");
        Actor admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        assertThat(page(admin, "en")).contains("Delete “Wang Wu” for good? This cannot be undone.");
        String answer = mvc.perform(post("/trash/" + id + "/purge")
                        .header("HX-Request", "true")
                        .header("Accept-Language", "en")
                        .with(authentication(new ActorAuthentication(admin)))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(answer).contains("1 contact deleted for good.");
        assertThat(exists(org, id)).isFalse();
    }

    private String trashed(Api api, Api.Org org, String name) throws Exception {
        String id = api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
        api.answer(as(delete("/api/v1/contacts/" + id), org.adminToken()), 204);
        return id;
    }

    private String page(Actor actor, String language) throws Exception {
        return mvc.perform(get("/trash")
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private boolean exists(Api.Org org, String id) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact WHERE org_id = ?::uuid AND id = ?::uuid)")
                .params(org.id(), id)
                .query(Boolean.class)
                .single();
    }

    private List<String> actions(Api.Org org, String id) {
        return jdbc.sql("SELECT action FROM audit_event WHERE org_id = ?::uuid AND target_id = ?::uuid")
                .params(org.id(), id)
                .query(String.class)
                .list();
    }
}
