package io.liaison.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.Api;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The layout renders the entries the modules contribute, as far as the member's permissions go. */
@LiaisonIntegrationTest
class NavigationIntegrationTests {

    private static final Pattern LINK = Pattern.compile("<a ([^>]*)>(.*?)</a>");
    private static final Pattern ICON =
            Pattern.compile("<i class=\"bi me-1 bi-([a-z0-9-]+)\" aria-hidden=\"true\"></i>");
    private static final Pattern CLASS = Pattern.compile("class=\"(nav-link|dropdown-item)( active)?\"");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    Navigation navigation;

    Actor admin;
    Actor member;

    @BeforeEach
    void setUp() throws Exception {
        Api api = new Api(mvc);
        Api.Org org = api.newOrg();
        admin = actor(org.adminId());
        member = actor(api.newMember(org, "MEMBER").id());
    }

    @Test
    void anAdministratorSeesEveryEntryInTheContributedOrderInBothLanguages() throws Exception {
        assertThat(links(nav("/members", admin, "en")))
                .containsExactly(
                        "/ Home",
                        "/chats Chats",
                        "/tasks Tasks",
                        "/calendar Calendar",
                        "/contacts Contacts",
                        "/members Members *",
                        "/departments Departments",
                        "/tags Tags",
                        "/review Review",
                        "/analytics Analytics",
                        "/pushes Mass push",
                        "/cadences/due Due for a touch",
                        "/custom-fields Custom fields",
                        "/trash Trash",
                        "/roles Roles and permissions",
                        "/channels Channels",
                        "/integrations/webhooks Webhooks",
                        "/audit Audit log",
                        "/profile My profile",
                        "/tokens API tokens",
                        "/address-book Phone address book");
        assertThat(links(nav("/members", admin, "zh-CN")))
                .containsExactly(
                        "/ 首页",
                        "/chats 消息",
                        "/tasks 任务",
                        "/calendar 日历",
                        "/contacts 联系人",
                        "/members 成员 *",
                        "/departments 部门",
                        "/tags 标签",
                        "/review 整理",
                        "/analytics 分析",
                        "/pushes 群发",
                        "/cadences/due 待联系",
                        "/custom-fields 自定义字段",
                        "/trash 回收站",
                        "/roles 角色与权限",
                        "/channels 消息渠道",
                        "/integrations/webhooks Webhook",
                        "/audit 审计日志",
                        "/profile 个人资料",
                        "/tokens API 令牌",
                        "/address-book 手机通讯录");
    }

    @Test
    void aMemberWithoutRoleAndAuditPermissionsSeesNeitherEntry() throws Exception {
        assertThat(links(nav("/tags", member, "en")))
                .containsExactly(
                        "/ Home",
                        "/chats Chats",
                        "/tasks Tasks",
                        "/calendar Calendar",
                        "/contacts Contacts",
                        "/members Members",
                        "/departments Departments",
                        "/tags Tags *",
                        "/review Review",
                        "/analytics Analytics",
                        "/cadences/due Due for a touch",
                        "/custom-fields Custom fields",
                        "/trash Trash",
                        "/profile My profile",
                        "/tokens API tokens",
                        "/address-book Phone address book");
        assertThat(links(nav("/", member, "zh-CN")))
                .startsWith("/ 首页 *", "/chats 消息", "/tasks 任务", "/calendar 日历", "/contacts 联系人")
                .doesNotContain(
                        "/pushes 群发",
                        "/roles 角色与权限",
                        "/channels 消息渠道",
                        "/integrations/webhooks Webhook",
                        "/audit 审计日志");
    }

    @Test
    void thePageBelowAnEntryMarksItAndAnEntryUnderMoreMarksTheDropdown() throws Exception {
        assertThat(links(nav("/contacts/import", admin, "en"))).contains("/contacts Contacts *");

        String audit = nav("/audit", admin, "en");
        assertThat(links(audit)).contains("/audit Audit log *").doesNotContain("/ Home *");
        assertThat(audit).contains("class=\"nav-link dropdown-toggle active\"");
        assertThat(nav("/tags", admin, "en")).contains("class=\"nav-link dropdown-toggle\"");
    }

    @Test
    void everyEntryDrawsAnIconThatTheServedIconFontHas() throws Exception {
        String nav = nav("/members", admin, "en").replaceAll("\\s+", " ");
        List<String> drawn = new ArrayList<>();
        Matcher icon = ICON.matcher(nav);
        while (icon.find()) {
            drawn.add(icon.group(1));
        }
        assertThat(drawn)
                .as("one icon per entry, in the entries' order")
                .containsExactlyElementsOf(navigation.visible(code -> true, "/").entries().stream()
                        .map(NavigationEntry::icon)
                        .toList());

        String css = mvc.perform(get("/webjars/bootstrap-icons/font/bootstrap-icons.min.css"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(drawn).allSatisfy(name -> assertThat(css).contains(".bi-" + name + "::before"));
        mvc.perform(get("/webjars/bootstrap-icons/font/fonts/bootstrap-icons.woff2"))
                .andExpect(status().isOk());
    }

    /** The navbar of the page at {@code path}. */
    private String nav(String path, Actor actor, String language) throws Exception {
        String page = mvc.perform(get(path)
                        .header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return page.substring(page.indexOf("<nav"), page.indexOf("</nav>"));
    }

    /**
     * Each navigation link as "path label", with " *" when it is marked as the current page: {@code
     * aria-current}, and in the navbar also the {@code active} class, which a dropdown item never has.
     */
    private static List<String> links(String nav) {
        List<String> links = new ArrayList<>();
        Matcher link = LINK.matcher(nav.replaceAll("\\s+", " "));
        while (link.find()) {
            Matcher cls = CLASS.matcher(link.group(1));
            Matcher href = HREF.matcher(link.group(1));
            if (!cls.find() || !href.find()) {
                continue;
            }
            boolean ariaCurrent = link.group(1).contains("aria-current=\"page\"");
            boolean active = cls.group(2) != null;
            boolean marked = cls.group(1).equals("nav-link") ? ariaCurrent && active : ariaCurrent && !active;
            boolean half = cls.group(1).equals("nav-link") ? ariaCurrent != active : active;
            String label = link.group(2).replaceAll("<[^>]+>", "").trim();
            links.add(href.group(1) + " " + label + (marked ? " *" : "") + (half ? " ?" : ""));
        }
        return links;
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }
}
