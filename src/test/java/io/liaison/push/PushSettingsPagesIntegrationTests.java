package io.liaison.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.push.settings.PushSettings;
import io.liaison.push.settings.PushSettingsService;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The push rules page: an administrator changes the caps, the approval threshold and the quiet hours
 * and reads them back; a wrong value is refused at its field in the reader's language; a sender reads
 * the rules without changing them.
 */
@LiaisonIntegrationTest
class PushSettingsPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    PushSettingsService settings;

    PushWorld w;
    UUID orgId;

    @BeforeEach
    void setUp() throws Exception {
        w = new PushWorld(mvc);
        orgId = UUID.fromString(w.org.id());
    }

    @Test
    void anAdministratorChangesTheRulesAndReadsThemBack() throws Exception {
        Actor admin = actor(w.org.adminId());
        mvc.perform(form(admin, "zh-CN", "2", "10", "100", "21:00", "08:00", "50000"))
                .andExpect(status().is3xxRedirection());

        assertThat(settings.get(orgId))
                .isEqualTo(new PushSettings(2, 10, 100, LocalTime.of(21, 0), LocalTime.of(8, 0), 50_000));
        assertThat(page(get("/pushes/settings"), admin, "zh-CN", status().isOk()))
                .contains("群发规则", "每位联系人每天最多收到的群发数", "value=\"2\"", "value=\"100\"", "value=\"21:00\"")
                .contains("按组织所在时区（Asia/Shanghai）计算")
                .doesNotContain("只有可以审批群发的成员能修改这些规则。");

        mvc.perform(form(admin, "en", "1", "4", "", "", "", "1000000")).andExpect(status().is3xxRedirection());
        assertThat(settings.get(orgId)).as("blank: no approval, no quiet hours").isEqualTo(PushSettings.DEFAULTS);
    }

    @Test
    void aWrongValueIsRefusedAtItsFieldAndNothingChanges() throws Exception {
        Actor admin = actor(w.org.adminId());
        String en = text(mvc.perform(form(admin, "en", "many", "4", "", "", "", "1000000"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(en).contains("must be between 0 and 100", "value=\"many\"");

        String zh = text(mvc.perform(form(admin, "zh-CN", "1", "4", "", "21:00", "", "1000000"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(zh).as("quiet hours need their end too").contains("必填");
        assertThat(settings.get(orgId)).isEqualTo(PushSettings.DEFAULTS);
    }

    @Test
    void aSenderReadsTheRulesButCannotChangeThem() throws Exception {
        Actor sender = actor(w.sender.id());
        assertThat(page(get("/pushes/settings"), sender, "en", status().isOk()))
                .contains("Push rules", "Only members who approve pushes change these rules.", "disabled")
                .doesNotContain("push-settings-save");
        assertThat(page(get("/pushes"), sender, "en", status().isOk())).contains("/pushes/settings");

        mvc.perform(form(sender, "en", "9", "9", "", "", "", "1000000")).andExpect(status().isForbidden());
        assertThat(settings.get(orgId)).isEqualTo(PushSettings.DEFAULTS);
        page(get("/pushes/settings"), actor(w.other.id()), "en", status().isForbidden());
    }

    private MockHttpServletRequestBuilder form(
            Actor actor,
            String language,
            String perDay,
            String perMonth,
            String approvalOver,
            String quietStarts,
            String quietEnds,
            String maxRecipients) {
        return post("/pushes/settings")
                .header("Accept-Language", language)
                .with(authentication(new ActorAuthentication(actor)))
                .with(csrf())
                .param("perDay", perDay)
                .param("perMonth", perMonth)
                .param("approvalOver", approvalOver)
                .param("quietStarts", quietStarts)
                .param("quietEnds", quietEnds)
                .param("maxRecipients", maxRecipients);
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }

    private String page(MockHttpServletRequestBuilder request, Actor actor, String language, ResultMatcher expected)
            throws Exception {
        return text(mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String text(String html) {
        return HtmlUtils.htmlUnescape(html).replaceAll("\\s+", " ");
    }
}
