package io.liaison.review;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.review.finding.FindingRun;
import io.liaison.review.finding.StaleRules;
import io.liaison.shared.LiaisonException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each check on contacts made for it: stale after the shortest rule of the contact's tags or else the
 * default 90 days, an invalid mobile or phone, a required field without a value, a contact nobody can
 * reach; and a finding's history: kept open with its first day while found, resolved once fixed.
 */
@LiaisonIntegrationTest
class FindingChecksIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MemberService members;

    @Autowired
    ContactSetup setup;

    @Autowired
    StaleRules rules;

    @Autowired
    FindingRun run;

    @Test
    void aContactIsStaleAfterTheShortestRuleOfItsTagsElseTheDefault() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        Actor admin = actor(org.adminId());
        TagGroup group = setup.createTagGroup(admin, "Tier", "#336699");
        UUID vip = setup.createTag(admin, group.id(), "VIP").id();
        UUID partner = setup.createTag(admin, group.id(), "Partner").id();
        rules.set(admin, vip, 30);
        rules.set(admin, partner, 60);
        String both = contact(
                api,
                org,
                "{\"name\":\"Both Tags\",\"company\":\"A\",\"tagIds\":[\"%s\",\"%s\"]}".formatted(vip, partner));
        String partnerOnly = contact(
                api, org, "{\"name\":\"Partner Only\",\"company\":\"A\",\"tagIds\":[\"%s\"]}".formatted(partner));
        String untagged = contact(api, org, "{\"name\":\"No Tag\",\"company\":\"A\"}");
        String longAgo = contact(api, org, "{\"name\":\"Long Ago\",\"company\":\"A\"}");
        String fresh = contact(api, org, "{\"name\":\"Fresh\",\"company\":\"A\",\"tagIds\":[\"%s\"]}".formatted(vip));
        age(both, 45, null);
        age(partnerOnly, 45, null);
        age(untagged, 45, null);
        age(longAgo, 400, 100);
        age(fresh, 400, 10);

        run.run(UUID.fromString(org.id()));

        String stale = api.answer(Api.as(get("/api/v1/review/findings?kind=stale"), org.adminToken()), 200);
        assertThat(names(stale)).containsExactlyInAnyOrder("Both Tags", "Long Ago");
        assertThat(detail(stale, both)).containsEntry("days", 30);
        assertThat(detail(stale, longAgo)).containsEntry("days", 90);
        assertThat(sentence(stale, both)).startsWith("No recorded contact for 30 days (since ");
        assertThat(sentence(stale, longAgo)).startsWith("No recorded contact for 90 days (since ");

        assertThat(rules.list(admin))
                .extracting(StaleRules.StaleRule::tagName, StaleRules.StaleRule::days)
                .containsExactly(tuple("Partner", 60), tuple("VIP", 30));
        Actor member = actor(api.newMember(org, "MEMBER").id());
        assertThatThrownBy(() -> rules.set(member, vip, 10))
                .as("only whoever manages tags sets a rule")
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.status().value()).isEqualTo(403));
        assertThatThrownBy(() -> rules.set(admin, vip, 0))
                .isInstanceOfSatisfying(
                        LiaisonException.class,
                        e -> assertThat(e.errors())
                                .extracting(LiaisonException.FieldError::field)
                                .containsExactly("days"));
        rules.set(admin, partner, null);
        assertThat(rules.list(member)).extracting(StaleRules.StaleRule::tagName).containsExactly("VIP");
    }

    @Test
    void invalidNumbersRequiredFieldsAndUnreachableContactsAreFoundWithTheirReasons() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        String badMobile = contact(api, org, "{\"name\":\"号码错\",\"company\":\"甲\",\"mobile\":\"13800138000\"}");
        String badPhone = contact(api, org, "{\"name\":\"座机错\",\"company\":\"甲\",\"mobile\":\"13900139000\"}");
        String good =
                contact(api, org, "{\"name\":\"都对\",\"company\":\"甲\",\"mobile\":\"13700137000\",\"customFields\":{}}");
        String nobody = contact(api, org, "{\"name\":\"无从联系\"}");
        String mailOnly = contact(api, org, "{\"name\":\"只有邮箱\",\"emails\":[{\"address\":\"a@example.cn\"}]}");
        // Numbers that came in before the rules were as strict (an import, an older version), as stored.
        jdbc.sql("UPDATE contact SET mobile = '+8612345' WHERE id = ?")
                .param(UUID.fromString(badMobile))
                .update();
        jdbc.sql("UPDATE contact SET phones = '[{\"label\":\"work\",\"number\":\"+86 10 1\"}]' WHERE id = ?")
                .param(UUID.fromString(badPhone))
                .update();
        String industry = api.createdId(json(post("/api/v1/custom-fields"), org.adminToken(), """
                {"key":"industry","label":"行业","type":"text"}"""));
        String region = api.createdId(json(post("/api/v1/custom-fields"), org.adminToken(), """
                {"key":"region","label":"区域","type":"text"}"""));
        api.answer(json(patch("/api/v1/contacts/" + good), org.adminToken(), """
                {"customFields":{"industry":"制造","region":"华东"}}"""), 200);
        api.answer(json(patch("/api/v1/contacts/" + badPhone), org.adminToken(), """
                {"customFields":{"industry":"制造"}}"""), 200);
        for (String field : List.of(industry, region)) {
            api.answer(json(patch("/api/v1/custom-fields/" + field), org.adminToken(), "{\"required\":true}"), 200);
        }

        run.run(UUID.fromString(org.id()));

        String invalid = api.answer(
                Api.as(get("/api/v1/review/findings?kind=invalid"), org.adminToken())
                        .header("Accept-Language", "zh-CN"),
                200);
        assertThat(reasons(invalid, badMobile)).containsExactlyInAnyOrder("invalid.mobile", "invalid.required");
        assertThat(reasons(invalid, badPhone)).containsExactlyInAnyOrder("invalid.mobile", "invalid.required");
        assertThat(reasons(invalid, good)).isEmpty();
        assertThat(sentence(invalid, badMobile, "invalid.mobile")).isEqualTo("号码 +8612345 不是有效的电话号码");
        assertThat(sentence(invalid, badPhone, "invalid.mobile")).isEqualTo("号码 +86 10 1 不是有效的电话号码");
        assertThat(sentence(invalid, badMobile, "invalid.required")).isEqualTo("必填字段未填写：行业、区域");
        assertThat(sentence(invalid, badPhone, "invalid.required")).isEqualTo("必填字段未填写：区域");

        String incomplete = api.answer(
                Api.as(get("/api/v1/review/findings?kind=incomplete"), org.adminToken())
                        .header("Accept-Language", "en"),
                200);
        assertThat(names(incomplete)).containsExactly("无从联系");
        assertThat(sentence(incomplete, nobody)).isEqualTo("No company, no phone number and no e-mail");
        assertThat(reasons(incomplete, mailOnly)).isEmpty();
    }

    @Test
    void aFindingStaysOpenWithItsFirstDayWhileFoundAndIsResolvedOnceFixed() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        UUID orgId = UUID.fromString(org.id());
        String contact = contact(api, org, "{\"name\":\"Nobody Knows\"}");

        run.run(orgId);
        List<Map<String, Object>> first = history(contact);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).get("resolved_at")).isNull();
        Object foundAt = first.get(0).get("found_at");

        run.run(orgId);
        List<Map<String, Object>> second = history(contact);
        assertThat(second).as("found again: the same open finding").hasSize(1);
        assertThat(second.get(0).get("found_at")).isEqualTo(foundAt);
        assertThat(second.get(0).get("resolved_at")).isNull();

        api.answer(json(patch("/api/v1/contacts/" + contact), org.adminToken(), "{\"company\":\"Acme\"}"), 200);
        run.run(orgId);
        List<Map<String, Object>> third = history(contact);
        assertThat(third).as("fixed: the finding is resolved, and kept").hasSize(1);
        assertThat(third.get(0).get("resolved_at")).isNotNull();
        assertThat(third.get(0).get("found_at")).isEqualTo(foundAt);
        assertThat(names(api.answer(Api.as(get("/api/v1/review/findings"), org.adminToken()), 200)))
                .doesNotContain("Nobody Knows");

        api.answer(json(patch("/api/v1/contacts/" + contact), org.adminToken(), "{\"company\":null}"), 200);
        run.run(orgId);
        assertThat(history(contact))
                .as("found again after it was fixed: a new finding beside the resolved one")
                .hasSize(2)
                .filteredOn(row -> row.get("resolved_at") == null)
                .hasSize(1);
    }

    private List<Map<String, Object>> history(String contact) {
        return jdbc.sql("""
                        SELECT found_at, resolved_at FROM review_finding
                         WHERE contact_id = ? AND reason = 'incomplete.contact' ORDER BY found_at
                        """).param(UUID.fromString(contact)).query().listOfRows();
    }

    private void age(String contact, int createdDaysAgo, Integer contactedDaysAgo) {
        jdbc.sql("""
                        UPDATE contact SET created_at = now() - make_interval(days => ?),
                               last_contacted_at = now() - make_interval(days => ?::int)
                         WHERE id = ?
                        """)
                .params(createdDaysAgo, contactedDaysAgo, UUID.fromString(contact))
                .update();
    }

    static String contact(Api api, Api.Org org, String body) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), org.adminToken(), body));
    }

    static List<String> names(String page) {
        return JsonPath.read(page, "$.items[*].contactName");
    }

    static List<String> reasons(String page, String contact) {
        return JsonPath.read(page, "$.items[?(@.contactId == '" + contact + "')].reason");
    }

    static Map<String, Object> detail(String page, String contact) {
        List<Map<String, Object>> details = JsonPath.read(page, "$.items[?(@.contactId == '" + contact + "')].detail");
        assertThat(details).hasSize(1);
        return details.get(0);
    }

    static String sentence(String page, String contact) {
        List<String> texts = JsonPath.read(page, "$.items[?(@.contactId == '" + contact + "')].reasonText");
        assertThat(texts).hasSize(1);
        return texts.get(0);
    }

    static String sentence(String page, String contact, String reason) {
        List<String> texts = JsonPath.read(
                page, "$.items[?(@.contactId == '" + contact + "' && @.reason == '" + reason + "')].reasonText");
        assertThat(texts).hasSize(1);
        return texts.get(0);
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
