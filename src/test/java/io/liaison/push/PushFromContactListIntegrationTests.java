package io.liaison.push;

import static io.liaison.identity.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * "Push to these contacts": the contact list offers it to those who may send pushes, with the list's
 * filter (tags, owner, search, last contact, a custom value) in the link, and the composer opens with
 * that filter as its audience; the list's new filters narrow its rows.
 */
@LiaisonIntegrationTest
class PushFromContactListIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    PushWorld w;

    @BeforeEach
    void setUp() throws Exception {
        w = new PushWorld(mvc);
        w.api.createdId(json(
                post("/api/v1/custom-fields"),
                w.org.adminToken(),
                "{\"key\":\"industry\",\"label\":\"行业\",\"type\":\"select\",\"options\":[\"制造\",\"零售\"]}"));
        w.api.createdId(json(
                post("/api/v1/contacts"),
                w.sender.token(),
                "{\"name\":\"张三\",\"tagIds\":[\"" + w.vip + "\"],\"customFields\":{\"industry\":\"零售\"}}"));
        w.api.createdId(json(
                post("/api/v1/contacts"),
                w.sender.token(),
                "{\"name\":\"李四\",\"tagIds\":[\"" + w.vip + "\"],\"customFields\":{\"industry\":\"制造\"}}"));
    }

    @Test
    void theListOffersASenderToPushToItsFilteredContactsAndTheComposerTakesTheFilter() throws Exception {
        Actor sender = actor(w.sender.id());
        String list = page(
                get("/contacts")
                        .param("tagId", w.vip)
                        .param("field", "industry")
                        .param("fieldValue", "零售"),
                sender,
                "zh-CN");
        assertThat(list).contains("群发给这些联系人", "张三", "行业").doesNotContain("李四");
        assertThat(list)
                .contains("/pushes/new?q=&owner=&tagId=" + w.vip
                        + "&tagMode=&contactedAfter=&field=industry&fieldValue=%E9%9B%B6%E5%94%AE\"");

        String changed = page(
                get("/contacts")
                        .param("tagId", w.vip)
                        .param("contactedAfter", "2026-11-01")
                        .header("HX-Request", "true"),
                sender,
                "zh-CN");
        assertThat(changed)
                .as("a changed filter brings the link back with it")
                .contains("id=\"contact-push\"", "hx-swap-oob=\"true\"", "contactedAfter=2026-11-01");

        String composer = page(
                get("/pushes/new")
                        .param("tagId", w.vip)
                        .param("contactedAfter", "2026-11-01")
                        .param("field", "industry")
                        .param("fieldValue", "零售"),
                sender,
                "zh-CN");
        assertThat(composer)
                .contains("接收范围来自你刚才的联系人列表筛选", "data-tag-ids=\"" + w.vip + "\"", "value=\"2026-11-01\"")
                .contains("<option value=\"industry\" selected=\"selected\">行业</option>", "value=\"零售\"")
                .contains("id=\"push-contacts\" checked=\"checked\"", "/js/push-preview.js");

        String blank = page(get("/pushes/new"), sender, "en");
        assertThat(blank).doesNotContain("The audience is the contact list's filter", "id=\"push-contacts\" checked");
    }

    @Test
    void aMemberWhoMayNotSendPushesIsNotOfferedThePush() throws Exception {
        String list = page(get("/contacts"), actor(w.other.id()), "en");
        assertThat(list).doesNotContain("Push to these contacts", "/pushes/new");
        assertThat(page(get("/contacts"), actor(w.org.adminId()), "en")).contains("Push to these contacts");
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }

    /** The page's HTML (entities unescaped, spaces folded) as {@code actor} reads it in {@code language}. */
    private String page(MockHttpServletRequestBuilder request, Actor actor, String language) throws Exception {
        String html = mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return HtmlUtils.htmlUnescape(html).replaceAll("\\s+", " ");
    }
}
