package io.liaison.review.duplicate;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.review.finding.FindingStore;
import io.liaison.review.finding.Found;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Duplicates as members meet them: three copies of one person with the number written three ways are
 * one cluster; a pair said not to be a duplicate never comes back; a member sees a pair only when they
 * see both contacts; a contact moved to the trash drops out; namesakes at different companies are no
 * pair while a homophone at the same company is.
 */
@LiaisonIntegrationTest
class DuplicateReviewIntegrationTests {

    static final String LIST = "/api/v1/review/duplicates";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DuplicateDetection detection;

    @Autowired
    FindingStore findings;

    Api api;
    Api.Org org;

    @BeforeEach
    void organization() throws Exception {
        api = new Api(mvc);
        org = api.newOrg("en");
    }

    @Test
    void threeCopiesWithTheNumberWrittenThreeWaysAreOneClusterAndEachGetsAFinding() throws Exception {
        String a = contact(org.adminToken(), "Zhang Wei", "13800138000", "Huawei Technologies Co., Ltd.", null);
        String b = contact(org.adminToken(), "张伟", "+86 138 0013 8000", null, null);
        String c = contact(org.adminToken(), "Wei Zhang", "0086-138-0013-8000", null, null);

        run();

        String body = api.answer(as(get(LIST), org.adminToken()), 200);
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        assertThat(items).hasSize(3);
        assertThat(items).allSatisfy(item -> {
            assertThat(item.get("score")).isEqualTo(95);
            assertThat(item.get("kind")).isEqualTo("exact");
            assertThat(item.get("clusterContactIds")).asList().containsExactlyInAnyOrder(a, b, c);
        });
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].clusterId"))
                .containsOnly(JsonPath.<String>read(body, "$.items[0].clusterId"));
        assertThat(JsonPath.<List<String>>read(body, "$.items[0].evidence[*].text"))
                .containsExactly("Same phone number +86 138 0013 8000");
        assertThat(openFindings()).containsExactlyInAnyOrder(a, b, c);
    }

    @Test
    void aPairSaidNotToBeADuplicateStaysDismissedAcrossRuns() throws Exception {
        contact(org.adminToken(), "李娜", null, null, "li.na@acme.cn");
        contact(org.adminToken(), "Li Na", null, null, "LI.NA@ACME.CN");
        run();
        String id = JsonPath.read(api.answer(as(get(LIST), org.adminToken()), 200), "$.items[0].id");

        api.answer(as(post(LIST + "/" + id + "/dismiss"), org.adminToken()), 204);
        run();
        run();

        assertThat(JsonPath.<List<Object>>read(api.answer(as(get(LIST), org.adminToken()), 200), "$.items"))
                .isEmpty();
        assertThat(openFindings()).isEmpty();
        api.answer(as(post(LIST + "/" + id + "/dismiss"), org.adminToken()), 404);
    }

    @Test
    void aMemberSeesAPairOnlyWhenTheySeeBothContacts() throws Exception {
        Api.Person member = api.newMember(org, "MEMBER");
        Api.Person colleague = api.newMember(org, "MEMBER");
        contact(member.token(), "王芳", "13912345678", null, null);
        String theirs = contact(colleague.token(), "王芳", "139 1234 5678", null, null);
        run();

        assertThat(JsonPath.<List<Object>>read(api.answer(as(get(LIST), member.token()), 200), "$.items"))
                .as("the other contact is the colleague's")
                .isEmpty();
        String id = JsonPath.read(api.answer(as(get(LIST), org.adminToken()), 200), "$.items[0].id");
        api.answer(as(post(LIST + "/" + id + "/dismiss"), member.token()), 404);

        api.answer(
                json(
                        patch("/api/v1/contacts/" + theirs),
                        colleague.token(),
                        "{\"allowDuplicate\":true,\"shareUserIds\":[\"" + member.id() + "\"]}"),
                200);
        String seen = api.answer(as(get(LIST), member.token()), 200);
        assertThat(JsonPath.<List<String>>read(seen, "$.items[0].contacts[*].ownerName"))
                .hasSize(2);
        assertThat(JsonPath.<List<String>>read(seen, "$.items[0].evidence[*].text"))
                .as("the colleague's number is masked for the member")
                .containsExactly("Same phone number +86 139****5678");
        api.answer(as(post(LIST + "/" + id + "/dismiss"), member.token()), 403);
    }

    @Test
    void aContactMovedToTheTrashDropsOut() throws Exception {
        contact(org.adminToken(), "赵敏", "13700001111", null, null);
        String trashed = contact(org.adminToken(), "赵敏", "13700001111", null, null);
        run();
        api.answer(as(delete("/api/v1/contacts/" + trashed), org.adminToken()), 204);

        assertThat(JsonPath.<List<Object>>read(api.answer(as(get(LIST), org.adminToken()), 200), "$.items"))
                .as("at once")
                .isEmpty();
        run();
        assertThat(jdbc.sql("SELECT count(*) FROM review_duplicate WHERE org_id = ?::uuid AND resolved_at IS NULL")
                        .param(org.id())
                        .query(Integer.class)
                        .single())
                .as("and after the next run")
                .isZero();
        assertThat(openFindings()).isEmpty();
    }

    @Test
    void namesakesAtDifferentCompaniesAreNoPairButAHomophoneAtTheSameCompanyIs() throws Exception {
        contact(org.adminToken(), "张伟", "13600000001", "华为技术有限公司", null);
        contact(org.adminToken(), "张伟", "13600000002", "腾讯科技", null);
        contact(org.adminToken(), "章伟", "13600000003", " 华为技术 ", null);
        run();

        String body = api.answer(as(get(LIST), org.adminToken()).header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"), 200);
        assertThat(JsonPath.<List<Object>>read(body, "$.items")).hasSize(1);
        assertThat(JsonPath.<List<String>>read(body, "$.items[0].contacts[*].name"))
                .containsExactlyInAnyOrder("张伟", "章伟");
        assertThat(JsonPath.<String>read(body, "$.items[0].kind")).isEqualTo("likely");
        assertThat(JsonPath.<List<String>>read(body, "$.items[0].evidence[*].text"))
                .containsExactly("姓名拼音相同（zhangwei）", "公司相同：华为技术有限公司");
    }

    private void run() {
        List<Found> found = detection.run(UUID.fromString(org.id()));
        findings.replace(UUID.fromString(org.id()), detection.reasons(), found);
    }

    private List<String> openFindings() {
        return jdbc.sql("SELECT contact_id::text FROM review_finding"
                        + " WHERE org_id = ?::uuid AND kind = 'duplicate' AND resolved_at IS NULL")
                .param(org.id())
                .query(String.class)
                .list();
    }

    private String contact(String token, String name, String mobile, String company, String email) throws Exception {
        StringBuilder body = new StringBuilder("{\"allowDuplicate\":true,\"name\":\"" + name + "\"");
        if (mobile != null) {
            body.append(",\"mobile\":\"").append(mobile).append('"');
        }
        if (company != null) {
            body.append(",\"company\":\"").append(company).append('"');
        }
        if (email != null) {
            body.append(",\"emails\":[{\"label\":\"work\",\"address\":\"")
                    .append(email)
                    .append("\"}]");
        }
        return api.createdId(
                json(post("/api/v1/contacts"), token, body.append('}').toString()));
    }
}
