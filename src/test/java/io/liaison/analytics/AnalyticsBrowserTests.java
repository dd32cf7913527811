package io.liaison.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.TagGroup;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.identity.Actor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics page in a browser: every chart drawn by Chart.js on its canvas, its table shown
 * instead at a click with the same numbers, the filters' presets; in Chinese on a desktop and in
 * English on a 390 px phone without a sideways scroll, and no error in the console.
 */
class AnalyticsBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    ContactSetup setup;

    @Autowired
    FollowUpService followUps;

    @Test
    void theAdministratorReadsTheChartsAndTheirTablesInChinese() throws Exception {
        Actor boss = newOrganization("Figures", "zh-CN", "老板");
        seed(boss, "重要客户", "欧阳明轩");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);
        pages.viewport(1280, 900);

        driver.get(url("/analytics"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("数据分析");
        assertThat(driver.findElement(By.id("analytics-preset-30")).getAttribute("aria-current"))
                .isEqualTo("true");
        assertDrawn(10);
        WebElement contactsCard = driver.findElement(By.id("chart-contacts"));
        assertThat(contactsCard.getText()).contains("新增和活跃联系人");
        screenshot("analytics-zh-1280");

        click(By.id("chart-toggle-members"));
        WebElement table = driver.findElement(By.id("chart-table-members"));
        assertThat(table.isDisplayed()).isTrue();
        assertThat(table.getText()).contains("成员", "活跃联系人", "老板 1");
        assertThat(driver.findElement(By.id("chart-toggle-members")).getText()).isEqualTo("图表");
        click(By.id("chart-toggle-members"));
        assertThat(table.isDisplayed()).isFalse();

        click(By.id("chart-toggle-tags"));
        assertThat(driver.findElement(By.id("chart-table-tags")).getText()).contains("重要客户 1 1");
        assertThat(driver.findElement(By.id("chart-csv-tags")).getAttribute("href"))
                .contains("/analytics/tags.csv");
        screenshot("analytics-zh-1280-table");

        click(By.id("analytics-preset-7"));
        assertThat(driver.getCurrentUrl()).contains("from=" + today(boss).minusDays(6));
        assertDrawn(10);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aMemberReadsTheirFiguresOnAPhoneInEnglish() throws Exception {
        Actor boss = newOrganization("Figures", "en", "Boss");
        seed(boss, "Key accounts", "Alexandra Montgomery-Richardson");
        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/analytics?groupBy=week"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Analytics");
        assertDrawn(10);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.id("analytics-apply")))).isTrue();
        screenshot("analytics-en-390");

        click(By.id("chart-toggle-contacts"));
        WebElement table = driver.findElement(By.id("chart-table-contacts"));
        assertThat(table.getText().toLowerCase(java.util.Locale.ROOT))
                .contains("period", "new contacts", "active contacts", "week of ");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", table);
        screenshot("analytics-en-390-table");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Every canvas has its Chart.js chart, and there are {@code expected} of them. */
    private void assertDrawn(int expected) {
        List<WebElement> canvases = driver.findElements(By.cssSelector("canvas[data-chart]"));
        assertThat(canvases).hasSize(expected);
        Object drawn = ((JavascriptExecutor) driver)
                .executeScript("return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                        + ".filter(c => window.Chart && Chart.getChart(c)).length");
        assertThat(((Number) drawn).intValue()).isEqualTo(expected);
    }

    /**
     * A contact of the boss with a tag, created today and visited today and yesterday (the listeners
     * keep its rows), and figures of every chart over the last days.
     */
    private void seed(Actor boss, String tagName, String contactName) {
        TagGroup group = setup.createTagGroup(boss, tagName, "#336699");
        UUID tag = setup.createTag(boss, group.id(), tagName).id();
        Contact contact =
                contacts.create(boss, Map.of("name", contactName, "tagIds", List.of(tag.toString())), "manual", false);
        LocalDate today = today(boss);
        // follow-ups today and yesterday: the listeners keep the contact's days and last activity
        for (int back = 0; back < 2; back++) {
            followUps.record(
                    boss, contact.id(), "visit", "上门拜访", OffsetDateTime.now().minusDays(back));
        }
        String[] metrics = {
            "contacts.new",
            "contacts.active",
            "follow-ups.note",
            "follow-ups.call",
            "messages.sent",
            "messages.received",
            "replies.asked",
            "replies.answered",
            "groups.active",
            "push.reached",
            "push.failed",
            "push.opt-outs",
            "tasks.done",
            "tasks.on-time"
        };
        for (int day = 0; day < 20; day++) {
            for (int m = 0; m < metrics.length; m++) {
                long value = 1 + (day * 7L + m * 3L) % 9;
                if (metrics[m].equals("replies.answered")) {
                    // of the questions asked that day (the metric before), most are answered
                    value = Math.max(1, (1 + (day * 7L + (m - 1) * 3L) % 9) - 1);
                }
                jdbc.sql(
                                "INSERT INTO analytics_member_day (org_id, metric, day, member_id, value) VALUES (?, ?, ?, ?, ?)"
                                        + " ON CONFLICT DO NOTHING")
                        .params(boss.orgId(), metrics[m], today.minusDays(day), boss.memberId(), value)
                        .update();
            }
        }
    }

    private static LocalDate today(Actor actor) {
        return LocalDate.now(actor.organizationTimeZone());
    }
}
