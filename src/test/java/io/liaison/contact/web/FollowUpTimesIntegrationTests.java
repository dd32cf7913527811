package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.liaison.LiaisonIntegrationTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.followup.FollowUp;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import io.liaison.identity.internal.ActorAuthentication;
import io.liaison.shared.MergePatch;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A follow-up typed at 13:36 in Beijing means 13:36 in Beijing and shows as such, whatever the
 * server's zone: the suite runs this class with the JVM in UTC and again in America/New_York (the
 * {@code time-zones} tag, pom.xml).
 */
@Tag("time-zones")
@LiaisonIntegrationTest
class FollowUpTimesIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Pattern INPUT_VALUE = Pattern.compile("id=\"follow-up-at\"[^>]*value=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    MemberService members;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ContactService contacts;

    @Autowired
    FollowUpService followUps;

    @Autowired
    JdbcClient jdbc;

    Actor boss;
    Contact contact;

    @BeforeEach
    void chineseOrganization() {
        boss = PageActors.newOrganizationAdmin(members, organizations, jdbc, "Times", "zh-CN");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "张伟");
        contact = contacts.create(boss, body, "manual", false);
    }

    @Test
    void theFormStartsAtThePresentMinuteInBeijing() throws Exception {
        ZonedDateTime before = ZonedDateTime.now(SHANGHAI);
        String page = page(get("/contacts/{id}", contact.id()), boss, "zh-CN", status().isOk());
        ZonedDateTime after = ZonedDateTime.now(SHANGHAI);
        Matcher value = INPUT_VALUE.matcher(page);
        assertThat(value.find()).as("the follow-up time input").isTrue();
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(value.group(1)).isIn(before.format(minute), after.format(minute));
        assertThat(page).contains("type=\"text\"", "placeholder=\"如 2026-12-03 13:36\"");
    }

    @Test
    void aFollowUpTypedAt1336InBeijingIs1336InBeijing() throws Exception {
        page(
                post("/contacts/{id}/follow-ups", contact.id())
                        .param("type", "call")
                        .param("content", "谈了报价")
                        .param("occurredAt", "2026-12-03 13:36")
                        .header("HX-Request", "true"),
                boss,
                "zh-CN",
                status().isOk());
        FollowUp recorded = followUps.list(boss, contact.id(), null, 10).items().get(0);
        assertThat(recorded.occurredAt())
                .isAtSameInstantAs(OffsetDateTime.of(2026, 12, 3, 5, 36, 0, 0, ZoneOffset.UTC));

        String chinese = page(get("/contacts/{id}", contact.id()), boss, "zh-CN", status().isOk());
        assertThat(chinese).contains("title=\"2026年12月3日 13:36\"").doesNotContain("05:36");

        String english = page(get("/contacts/{id}", contact.id()), boss, "en", status().isOk());
        assertThat(english).contains("Dec 3, 2026, 1:36 PM");

        members.update(
                boss,
                boss.memberId(),
                new MergePatch(Map.of("timeZone", "America/New_York"), MemberService.PATCHABLE),
                null);
        String newYork = page(get("/contacts/{id}", contact.id()), boss, "en", status().isOk());
        assertThat(newYork).contains("Dec 3, 2026, 12:36 AM").doesNotContain("1:36 PM");
    }

    @Test
    void aFollowUpOfAMomentAgoReadsAsRecentWithTheFullTimeInItsTitle() throws Exception {
        String now =
                ZonedDateTime.now(SHANGHAI).minusMinutes(3).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        page(
                post("/contacts/{id}/follow-ups", contact.id())
                        .param("type", "note")
                        .param("content", "刚聊过")
                        .param("occurredAt", now)
                        .header("HX-Request", "true"),
                boss,
                "zh-CN",
                status().isOk());
        String page = page(get("/contacts/{id}", contact.id()), boss, "zh-CN", status().isOk());
        assertThat(page).containsPattern(">\\s*[34] 分钟前\\s*<");
        assertThat(page).contains("title=\"" + ZonedDateTime.now(SHANGHAI).getYear() + "年");
    }

    @Test
    void aTimeThatIsNoTimeIsRefusedInTheUsersLanguage() throws Exception {
        String refused = page(
                post("/contacts/{id}/follow-ups", contact.id())
                        .param("type", "call")
                        .param("content", "谈了报价")
                        .param("occurredAt", "12/03/2026 1:36 PM")
                        .header("HX-Request", "true"),
                boss,
                "zh-CN",
                status().isBadRequest());
        assertThat(refused).contains("须为日期和时间，例如 2026-12-03 13:36");
        assertThat(followUps.list(boss, contact.id(), null, 10).items()).isEmpty();
    }

    @Test
    void aTokenValidUntilADayWorksThroughThatDayInBeijing() throws Exception {
        String panel = page(
                post("/tokens")
                        .param("name", "CRM")
                        .param("expiresOn", "2026-12-31")
                        .header("HX-Request", "true"),
                boss,
                "zh-CN",
                status().isOk());
        assertThat(panel).contains("2026年12月31日");
        OffsetDateTime expires = jdbc.sql("SELECT expires_at FROM api_token WHERE member_id = ? AND name = 'CRM'")
                .param(boss.memberId())
                .query(OffsetDateTime.class)
                .single();
        assertThat(expires).isAtSameInstantAs(OffsetDateTime.of(2026, 12, 31, 16, 0, 0, 0, ZoneOffset.UTC));
    }

    String page(MockHttpServletRequestBuilder request, Actor actor, String language, ResultMatcher expected)
            throws Exception {
        return mvc.perform(request.header("Accept-Language", language)
                        .with(authentication(new ActorAuthentication(actor)))
                        .with(csrf()))
                .andExpect(expected)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
