package io.liaison.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.internal.ActorAuthentication;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The push pages as a sender reads them in English and Chinese: the list with each push's state,
 * progress and counts in words, the composer with its audience, variables and schedule, and a push's
 * recipients with their reasons, filtered by state; a member who may not send pushes reaches none.
 */
@LiaisonIntegrationTest
class PushPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    ApplicationContext context;

    PushWorld w;
    Actor sender;
    String push;

    @BeforeEach
    void setUp() throws Exception {
        w = new PushWorld(mvc);
        sender = actor(w.sender.id());
        w.contact(w.sender, "张三", "zhang.san@customer.example", true);
        w.contact(w.sender, "李四", null, true);
        push = w.push(w.sender.token(), "{{name}}，新品到了", "你好，{{name}}！", List.of(), 201);
        w.send(context, w.sender.token(), push);
    }

    @Test
    void theListShowsEachPushWithItsStateProgressAndCountsInBothLanguages() throws Exception {
        String second = w.push(w.sender.token(), "再次提醒", "别错过", List.of(), 201);

        String en = page(get("/pushes"), sender, "en", status().isOk());
        assertThat(en)
                .contains(
                        "Mass push",
                        "New push",
                        "十二月新品",
                        "Done",
                        "Scheduled",
                        "2 of 2 done",
                        "0 of 2 done",
                        "Skipped 2");
        assertThat(en.indexOf("/pushes/" + second)).as("newest first").isLessThan(en.indexOf("/pushes/" + push));
        assertThat(en).doesNotContain("awaiting_approval", "audienceSize", "push.state");

        String zh = page(get("/pushes"), sender, "zh-CN", status().isOk());
        assertThat(zh).contains("群发", "新建群发", "已完成", "待发送", "已完成 2 / 2", "已跳过 2");
    }

    @Test
    void theComposerOffersTheAudienceTheVariablesAndTheScheduleInBothLanguages() throws Exception {
        String en = page(get("/pushes/new"), sender, "en", status().isOk());
        assertThat(en)
                .contains(
                        "New push",
                        "Contacts with the tags",
                        "Any owner",
                        "Customer groups you are in",
                        "Robots and webhooks",
                        "{{name}}",
                        "{{company}}",
                        "{{title}}",
                        "{{owner.name}}",
                        "In your time zone, Asia/Shanghai.",
                        "will be sent",
                        "without an e-mail address",
                        "over the monthly cap")
                .contains("/js/push-composer.js");

        String zh = page(get("/pushes/new"), sender, "zh-CN", status().isOk());
        assertThat(zh)
                .contains("新建群发", "带有这些标签的联系人", "你所在的客户群", "负责人姓名", "按你的时区 Asia/Shanghai。", "位将收到", "位没有邮箱", "位超过每日上限");
    }

    @Test
    void aPushShowsItsRecipientsWithTheirReasonsFilteredByState() throws Exception {
        String en = page(get("/pushes/" + push), sender, "en", status().isOk());
        assertThat(en).contains("十二月新品", "{{name}}，新品到了", "Done", "张三", "李四", "No e-mail address", "2 of 2 done");
        assertThat(en).as("a finished push offers no cancel").doesNotContain("Cancel the push");

        String skipped = page(
                get("/pushes/" + push).param("state", "skipped").header("HX-Request", "true"),
                sender,
                "zh-CN",
                status().isOk());
        assertThat(skipped).contains("李四", "没有邮箱", "已跳过").doesNotContain("<nav");
        String sent = page(
                get("/pushes/" + push).param("state", "sent").header("HX-Request", "true"),
                sender,
                "zh-CN",
                status().isOk());
        assertThat(sent).contains("这里还没有接收人。").doesNotContain("张三", "李四");

        String open = w.push(w.sender.token(), "再次提醒", "别错过", List.of(), 201);
        assertThat(page(get("/pushes/" + open), sender, "en", status().isOk()))
                .contains("Scheduled", "Cancel the push", "hx-trigger=\"every 3s\"");
    }

    @Test
    void aMemberWhoMayNotSendPushesReachesNoPushPage() throws Exception {
        Actor other = actor(w.other.id());
        page(get("/pushes"), other, "en", status().isForbidden());
        page(get("/pushes/new"), other, "en", status().isForbidden());
        page(get("/pushes/" + push), other, "en", status().isNotFound());
    }

    private Actor actor(String memberId) {
        return members.actor(UUID.fromString(memberId)).orElseThrow();
    }

    /** The page's text (tags dropped, entities unescaped) as {@code actor} reads it in {@code language}. */
    private String page(MockHttpServletRequestBuilder request, Actor actor, String language, ResultMatcher expected)
            throws Exception {
        String html = mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor))))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return HtmlUtils.htmlUnescape(html).replaceAll("\\s+", " ");
    }
}
