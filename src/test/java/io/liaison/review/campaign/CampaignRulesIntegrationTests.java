package io.liaison.review.campaign;

import static io.liaison.identity.Api.as;
import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.ContactFilter;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.shared.LiaisonException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a campaign refuses, in the caller's language: starting without the permission, a deadline in
 * the past, more contacts than a campaign takes (with the count), more actions than one request
 * takes, an item of someone else's, a close by an owner; and what a member who is neither starter nor
 * owner sees: nothing.
 */
@LiaisonIntegrationTest
class CampaignRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignService campaigns;

    @Autowired
    MemberService members;

    @Test
    void refusalsSayWhatIsWrongInChineseAndEnglish() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person member = api.newMember(org, "MEMBER");
        api.createdId(json(post("/api/v1/contacts"), member.token(), "{\"name\":\"张三\"}"));
        String body = """
                {"name":"整理","filter":{},"deadline":"%s"}
                """.formatted(OffsetDateTime.now(ZoneOffset.UTC).plusDays(5));

        String zh = api.answer(lang(json(post("/api/v1/review/campaigns"), member.token(), body), "zh-CN"), 403);
        assertThat((String) JsonPath.read(zh, "$.detail")).contains("发起整理活动");
        String en = api.answer(lang(json(post("/api/v1/review/campaigns"), member.token(), body), "en"), 403);
        assertThat((String) JsonPath.read(en, "$.detail")).contains("start review campaigns");

        String past = """
                {"name":"整理","filter":{},"deadline":"2020-01-01T00:00:00Z"}
                """;
        String zhPast = api.answer(lang(json(post("/api/v1/review/campaigns"), org.adminToken(), past), "zh-CN"), 400);
        assertThat((String) JsonPath.read(zhPast, "$.errors[0].field")).isEqualTo("deadline");
        assertThat((String) JsonPath.read(zhPast, "$.errors[0].message")).contains("必须在将来");
        String enPast = api.answer(lang(json(post("/api/v1/review/campaigns"), org.adminToken(), past), "en"), 400);
        assertThat((String) JsonPath.read(enPast, "$.errors[0].message")).contains("must be in the future");

        String nobody = """
                {"name":"整理","filter":{"q":"没有这个人"},"deadline":"%s"}
                """.formatted(OffsetDateTime.now(ZoneOffset.UTC).plusDays(5));
        String empty = api.answer(lang(json(post("/api/v1/review/campaigns"), org.adminToken(), nobody), "en"), 422);
        assertThat((String) JsonPath.read(empty, "$.title")).isEqualTo("No contacts to review");

        String id =
                JsonPath.read(api.answer(json(post("/api/v1/review/campaigns"), org.adminToken(), body), 201), "$.id");
        StringBuilder many = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= CampaignService.MAX_ACTIONS; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"itemId\":\"")
                    .append(UUID.randomUUID())
                    .append("\",\"action\":\"confirm\"}");
        }
        String tooMany = api.answer(
                lang(json(patch("/api/v1/review/campaigns/" + id + "/items"), member.token(), many + "]}"), "zh-CN"),
                400);
        assertThat((String) JsonPath.read(tooMany, "$.errors[0].field")).isEqualTo("items");
        String wrongAction = api.answer(
                lang(
                        json(patch("/api/v1/review/campaigns/" + id + "/items"), member.token(), """
                                {"items":[{"itemId":"%s","action":"delete"}]}
                                """.formatted(
                                        UUID.randomUUID())),
                        "en"),
                400);
        assertThat((String) JsonPath.read(wrongAction, "$.errors[0].field")).isEqualTo("items[0].action");
        String close =
                api.answer(lang(as(post("/api/v1/review/campaigns/" + id + "/close"), member.token()), "zh-CN"), 403);
        assertThat((String) JsonPath.read(close, "$.detail")).contains("只有发起人或管理员");
        api.answer(lang(as(get("/api/v1/review/campaigns/" + id + "/items?status=lost"), member.token()), "en"), 400);
    }

    @Test
    void aCampaignTakesAtMostItsLimitAndSaysHowManyMatched() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("en");
        for (String name : List.of("Ann", "Bob", "Cid")) {
            api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
        }
        var admin = members.actor(UUID.fromString(org.adminId())).orElseThrow();
        var request = new CampaignService.NewCampaign(
                "Spring clean",
                ContactFilter.none(),
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(3),
                null);

        assertThatThrownBy(() -> campaigns.start(admin, request, 2))
                .isInstanceOfSatisfying(LiaisonException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.type()).isEqualTo("review-campaign-too-large");
                    assertThat(e.args()).containsExactly(3, 2);
                });
        assertThat(campaigns.start(admin, request, 3).all().total()).isEqualTo(3);
    }

    @Test
    void aMemberWhoNeitherStartedNorFollowsAContactSeesNothingOfIt() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg("zh-CN");
        Api.Person owner = api.newMember(org, "MEMBER");
        Api.Person other = api.newMember(org, "MEMBER");
        api.createdId(json(post("/api/v1/contacts"), owner.token(), "{\"name\":\"王五\"}"));
        String id = JsonPath.read(
                api.answer(
                        json(post("/api/v1/review/campaigns"), org.adminToken(), """
                                {"name":"整理","filter":{},"deadline":"%s"}
                                """.formatted(
                                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(5))),
                        201),
                "$.id");

        assertThat((List<?>)
                        JsonPath.read(api.answer(as(get("/api/v1/review/campaigns"), other.token()), 200), "$.items"))
                .isEmpty();
        api.answer(as(get("/api/v1/review/campaigns/" + id), other.token()), 404);
        api.answer(as(get("/api/v1/review/campaigns/" + id + "/items"), other.token()), 404);
        String mine = api.answer(as(get("/api/v1/review/campaigns/" + id), owner.token()), 200);
        assertThat((Integer) JsonPath.read(mine, "$.mine.total")).isEqualTo(1);
        assertThat((List<?>) JsonPath.read(mine, "$.members"))
                .as("the owner's own part only")
                .hasSize(1);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder lang(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String language) {
        return request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
}
