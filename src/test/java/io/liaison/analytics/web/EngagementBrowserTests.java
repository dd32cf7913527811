package io.liaison.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.MergePatch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engagement card on the contact page, loaded over htmx: a salesperson's regular customer with a
 * follow-up three days ago reads the score, the latest contact and the trend's line with its sentence,
 * opens the trend as a table, and a new customer reads what to do; in Chinese and English, on a
 * desktop and a 390 px phone, without a sideways scroll or a console error.
 */
class EngagementBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Test
    void theCardShowsTheLatestContactTheScoreAndItsTrendInBothLanguages() {
        Actor boss = newOrganization("Engage", "zh-CN", "王芳");
        Contact regular = contacts.create(boss, Map.of("name", "张伟", "company", "上海贸易"), "manual", false);
        Contact fresh = contacts.create(boss, Map.of("name", "新客户"), "manual", false);
        LocalDate today = Instant.now().atZone(boss.organizationTimeZone()).toLocalDate();
        // a message a week three months ago, more since, and a follow-up three days ago
        for (int age = 84; age >= 0; age -= 7) {
            int messages = age == 0 ? 1 : age < 30 ? 4 : age < 60 ? 2 : 1;
            day(boss, regular, today.minusDays(age + 3L), age == 0 ? 1 : 0, messages, 0);
        }
        jdbc.sql("UPDATE contact SET last_contacted_at = ? WHERE id = ?")
                .params(
                        today.minusDays(3)
                                .atTime(LocalTime.of(14, 30))
                                .atZone(boss.organizationTimeZone())
                                .toOffsetDateTime(),
                        regular.id())
                .update();
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);

        pages.viewport(1280, 900);
        WebElement card = open(regular);
        assertThat(card.getText()).contains("互动", "活跃度", "3 天前", "记录了一条跟进。", "比前 30 天上升");
        assertThat(driver.findElements(By.cssSelector("#engagement-sparkline polyline")))
                .hasSize(1);
        assertThat(driver.findElement(By.id("engagement-sparkline")).getAttribute("aria-labelledby"))
                .isEqualTo("engagement-direction");
        click(By.cssSelector("#engagement-table summary"));
        assertThat(driver.findElements(By.cssSelector("#engagement-table tbody tr")))
                .hasSize(13);
        screenshot("engagement-zh-1280");

        pages.viewport(390, 844);
        card = open(regular);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.id("engagement-sparkline"))))
                .isTrue();
        scrollTo(card);
        screenshot("engagement-zh-390");
        card = open(fresh);
        assertThat(card.getText()).contains("还没有联系记录");
        scrollTo(card);
        screenshot("engagement-empty-zh-390");

        members.update(boss, boss.memberId(), new MergePatch(Map.of("locale", "en"), MemberService.PATCHABLE), null);
        card = open(regular);
        assertThat(card.getText())
                .contains("Engagement", "Activity score", "3 days ago", "A follow-up was recorded.")
                .contains("Rising compared to the previous 30 days");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        scrollTo(card);
        screenshot("engagement-en-390");
        pages.viewport(1280, 900);
        card = open(regular);
        click(By.cssSelector("#engagement-table summary"));
        assertThat(driver.findElement(By.id("engagement-table")).getText())
                .containsIgnoringCase("Week from")
                .contains("71");
        screenshot("engagement-en-1280");
        card = open(fresh);
        assertThat(card.getText()).contains("No recorded contact yet.");
        screenshot("engagement-empty-en-1280");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The contact page, once htmx has loaded its engagement card. */
    private WebElement open(Contact contact) {
        driver.get(url("/contacts/" + contact.id()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-engagement-body")));
        return driver.findElement(By.id("contact-engagement"));
    }

    private void scrollTo(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript(
                        "window.scrollTo({top: arguments[0].getBoundingClientRect().top + window.scrollY - 72,"
                                + " behavior: 'instant'});",
                        element);
    }

    private void day(Actor owner, Contact contact, LocalDate day, int followUps, int messagesIn, int messagesOut) {
        jdbc.sql("""
                        INSERT INTO analytics_contact_day
                               (org_id, contact_id, day, owner_id, follow_ups, messages_in, messages_out)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(owner.orgId(), contact.id(), day, owner.memberId(), followUps, messagesIn, messagesOut)
                .update();
    }
}
