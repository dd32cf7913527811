package io.liaison.push.optout;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Api;
import io.liaison.shared.LiaisonProperties;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A contact's unsubscribe link, followed without login: its page in the visitor's language, the
 * buttons, RFC 8058's one-click POST, and nothing for an altered token or for another contact.
 */
@LiaisonIntegrationTest
class UnsubscribePageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    LiaisonProperties properties;

    /** Each test its own client address, so that the limit per address counts one test's requests only. */
    final String address = "10.20." + ThreadLocalRandom.current().nextInt(256) + "."
            + ThreadLocalRandom.current().nextInt(256);

    @Test
    void theLinkNamesTheContactWithoutItsIdAndItsPageNeedsNoLoginInEitherLanguage() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String orgName = orgName(org);
        String contact = contact(api, org, "王芳");
        String link = links.link(UUID.fromString(org.id()), UUID.fromString(contact));

        assertThat(link).startsWith(properties.baseUrl() + "/unsubscribe/");
        String token = token(link);
        assertThat(token).hasSizeLessThanOrEqualTo(UnsubscribeLinks.MAX_TOKEN).matches("[A-Za-z0-9_-]+");
        assertThat(link).doesNotContain(contact).doesNotContain(contact.replace("-", ""));

        MockHttpServletResponse english = perform(get("/unsubscribe/" + token), "en");
        assertThat(english.getStatus()).isEqualTo(200);
        assertThat(english.getContentAsString())
                .contains("Notices and offers from " + orgName + " to 王芳.")
                .contains("id=\"unsubscribe-submit\"")
                .contains(">Unsubscribe</button>")
                .doesNotContain("name=\"_csrf\"");
        assertThat(english.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        MockHttpServletResponse chinese = perform(get("/unsubscribe/" + token), "zh-CN,zh;q=0.9");
        assertThat(chinese.getContentAsString())
                .contains(orgName + " 发给 王芳 的通知和优惠。")
                .contains(">退订</button>");
        assertThat(optOut(org, contact)).as("looking changes nothing").isNull();
    }

    @Test
    void theButtonsUnsubscribeAndSubscribeAgainOnlyTheLinksContact() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String orgName = orgName(org);
        String contact = contact(api, org, "王芳");
        String neighbour = contact(api, org, "李娜");
        String token = token(links.link(UUID.fromString(org.id()), UUID.fromString(contact)));

        MockHttpServletResponse unsubscribed =
                perform(post("/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED), "en");
        assertThat(unsubscribed.getStatus()).isEqualTo(200);
        assertThat(unsubscribed.getContentAsString())
                .contains("You are unsubscribed: " + orgName + " sends you no more pushes.")
                .contains("name=\"subscribe\" value=\"true\"")
                .contains(">Subscribe again</button>");
        assertThat(optOut(org, contact)).isEqualTo("link");
        assertThat(optOut(org, neighbour))
                .as("another contact of the organization")
                .isNull();
        assertThat(perform(get("/unsubscribe/" + token), "zh-CN").getContentAsString())
                .contains("你已退订，" + orgName + " 不再向你群发消息。", ">重新订阅</button>");

        MockHttpServletResponse again = perform(
                post("/unsubscribe/" + token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("subscribe", "true"),
                "en");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getContentAsString()).contains(">Unsubscribe</button>");
        assertThat(optOut(org, contact)).isNull();

        String timeline =
                new Api(mvc).answer(Api.as(get("/api/v1/contacts/" + contact + "/timeline"), org.adminToken()), 200);
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.kind =~ /push_.*/)].kind"))
                .containsExactly("push_opted_in", "push_opted_out");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.kind =~ /push_.*/)].data.via"))
                .containsOnly("link");
        assertThat(JsonPath.<List<Object>>read(timeline, "$.items[?(@.kind =~ /push_.*/)].actorId"))
                .as("the contact acted, no member")
                .allMatch(actor -> actor == null);
    }

    @Test
    void aOneClickPostWithoutCookieOrFormUnsubscribes() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String contact = contact(api, org, "张伟");
        String token = token(links.link(UUID.fromString(org.id()), UUID.fromString(contact)));

        MockHttpServletResponse response = perform(
                post("/unsubscribe/" + token)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"),
                null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getRedirectedUrl()).isNull();
        assertThat(optOut(org, contact)).isEqualTo("link");
        assertThat(perform(
                                post("/unsubscribe/" + token)
                                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                        .content("List-Unsubscribe=One-Click"),
                                null)
                        .getStatus())
                .as("a repeat")
                .isEqualTo(200);
    }

    @Test
    void anAlteredOrMadeUpTokenIs404InTheVisitorsLanguageAndChangesNothing() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String contact = contact(api, org, "王芳");
        String neighbour = contact(api, org, "李娜");
        String token = token(links.link(UUID.fromString(org.id()), UUID.fromString(contact)));
        String neighbours = token(links.link(UUID.fromString(org.id()), UUID.fromString(neighbour)));

        for (int i = 0; i < token.length(); i += 9) {
            char c = token.charAt(i);
            String altered = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            MockHttpServletResponse response = perform(post("/unsubscribe/" + altered), "en");
            assertThat(response.getStatus()).as("character %d changed", i).isEqualTo(404);
        }
        String spliced = token.substring(0, 40) + neighbours.substring(40);
        assertThat(perform(post("/unsubscribe/" + spliced), "en").getStatus()).isEqualTo(404);
        MockHttpServletResponse english = perform(get("/unsubscribe/nothing-like-a-token"), "en");
        assertThat(english.getStatus()).isEqualTo(404);
        assertThat(english.getContentAsString())
                .contains("This link is not valid")
                .doesNotContain("<form");
        MockHttpServletResponse chinese = perform(get("/unsubscribe/" + token + "x"), "zh-CN");
        assertThat(chinese.getStatus()).isEqualTo(404);
        assertThat(chinese.getContentAsString()).contains("此链接无效");
        String gone = token(links.link(UUID.fromString(org.id()), UUID.randomUUID()));
        assertThat(perform(post("/unsubscribe/" + gone), "en").getStatus())
                .as("a contact that does not exist")
                .isEqualTo(404);
        assertThat(perform(get("/unsubscribe/" + "A".repeat(5000)), "en").getStatus())
                .isEqualTo(404);
        assertThat(perform(get("/unsubscribe/" + token + "/" + neighbours), "en")
                        .getStatus())
                .as("a longer path")
                .isEqualTo(404);
        assertThat(perform(put("/unsubscribe/" + token), "en").getStatus()).isEqualTo(405);

        assertThat(optOut(org, contact)).isNull();
        assertThat(optOut(org, neighbour)).isNull();
    }

    @Test
    void oneAddressGetsAClear429PastTheLimitPerMinute() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        String contact = contact(api, org, "王芳");
        String token = token(links.link(UUID.fromString(org.id()), UUID.fromString(contact)));
        for (int i = 0; i < UnsubscribeVisits.PER_MINUTE; i++) {
            perform(get("/unsubscribe/guess" + i), "en");
        }

        MockHttpServletResponse refused = perform(post("/unsubscribe/" + token), "en");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("Too many requests came from your address.");
        assertThat(optOut(org, contact)).as("refused before anything changed").isNull();
        MockHttpServletResponse elsewhere = mvc.perform(get("/unsubscribe/" + token)
                        .header("Accept-Language", "en")
                        .with(r -> {
                            r.setRemoteAddr("10.99.0.1");
                            return r;
                        }))
                .andReturn()
                .getResponse();
        assertThat(elsewhere.getStatus()).as("another address").isEqualTo(200);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String language) throws Exception {
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return mvc.perform(request.with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andReturn()
                .getResponse();
    }

    private String contact(Api api, Api.Org org, String name) throws Exception {
        return api.createdId(json(post("/api/v1/contacts"), org.adminToken(), "{\"name\":\"" + name + "\"}"));
    }

    private String orgName(Api.Org org) {
        return jdbc.sql("SELECT name FROM organization WHERE id = ?")
                .param(UUID.fromString(org.id()))
                .query(String.class)
                .single();
    }

    private String optOut(Api.Org org, String contact) {
        return jdbc.sql("SELECT via FROM push_opt_out WHERE org_id = ? AND contact_id = ?")
                .params(UUID.fromString(org.id()), UUID.fromString(contact))
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
