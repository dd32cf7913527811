package io.liaison.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.ContactSetup;
import io.liaison.contact.TagGroup;
import io.liaison.identity.Actor;
import io.liaison.review.finding.FindingRun;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The review dashboard in a browser: the counts by kind with a bar a day, the findings of the chosen
 * kind linking to their contacts, the stale rule of a tag set by the administrator, and "check now";
 * in Chinese on a desktop and in English on a 390 px phone, without a sideways scroll.
 */
class ReviewDashboardBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    ContactSetup setup;

    @Autowired
    FindingRun run;

    @Test
    void theAdministratorReadsTheFindingsAndSetsATagsStaleRuleInChinese() throws Exception {
        Actor boss = newOrganization("Review", "zh-CN", "老板");
        TagGroup group = setup.createTagGroup(boss, "客户分层", "#336699");
        UUID vip = setup.createTag(boss, group.id(), "重要客户").id();
        List<Contact> made = seed(boss, "欧阳明轩", "司马雨桐", "诸葛晓东");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);
        pages.viewport(1280, 900);

        driver.get(url("/review"));
        assertThat(driver.findElement(By.id("review-kind-stale")).getText()).contains("久未联系", "1");
        assertThat(driver.findElement(By.id("review-kind-incomplete")).getText())
                .contains("信息不全", "2");
        assertThat(driver.findElements(By.cssSelector("#review-kind-incomplete .review-trend-bar")))
                .hasSize(30);
        assertThat(driver.findElement(By.id("review-check-last")).getText()).startsWith("上次检查：");
        click(By.id("review-kind-incomplete"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-findings"), "没有公司"));
        WebElement first = driver.findElement(By.cssSelector(
                "#review-findings a[href='/contacts/" + made.get(0).id() + "']"));
        assertThat(first.getText()).isEqualTo("欧阳明轩");
        screenshot("review-dashboard-zh-1280");

        new Select(driver.findElement(By.id("review-rule-tag"))).selectByVisibleText("重要客户");
        driver.findElement(By.id("review-rule-days")).sendKeys("30");
        click(By.id("review-rule-save"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-rule-" + vip)));
        assertThat(driver.findElement(By.id("review-rule-" + vip)).getText()).isEqualTo("重要客户: 30 天后");
        assertThat(driver.findElement(By.id("review-rules")).getText()).contains("已保存。");

        click(By.id("review-check-now"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已开始检查"));
        assertThat(browser.consoleErrors()).isEmpty();
        screenshot("review-rules-zh-1280");
    }

    @Test
    void aMemberReadsTheDashboardOnAPhoneInEnglish() throws Exception {
        Actor boss = newOrganization("Review", "en", "Boss");
        seed(boss, "Alexandra Montgomery-Richardson", "Bartholomew Fitzgerald", "Constance Whitfield");
        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/review?kind=stale"));
        assertThat(driver.findElement(By.id("review-kind-stale")).getText()).contains("Stale", "1");
        WebElement row = driver.findElement(By.cssSelector("#review-findings .review-finding"));
        assertThat(row.getText()).contains("Constance Whitfield", "No recorded contact for 90 days (since ");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(row.findElement(By.tagName("a")))).isTrue();
        assertThat(pages.readable(driver.findElement(By.id("review-check-now"))))
                .isTrue();
        screenshot("review-dashboard-en-390");

        driver.get(url("/review?kind=incomplete"));
        assertThat(driver.findElement(By.id("review-findings")).getText())
                .contains("Alexandra Montgomery-Richardson", "No company, no phone number and no e-mail");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("window.scrollTo(0, document.body.scrollHeight)");
        screenshot("review-rules-en-390");
    }

    /**
     * Two contacts nobody can reach (the first found 12 days ago, so that the bars rise), and a third
     * with a company whom nobody has contacted for 100 days; then the organization's check.
     */
    private List<Contact> seed(Actor boss, String bare, String alsoBare, String stale) {
        Contact first = contacts.create(boss, Map.of("name", bare), "manual", false);
        Contact second = contacts.create(boss, Map.of("name", alsoBare), "manual", false);
        Contact third = contacts.create(boss, Map.of("name", stale, "company", "Acme"), "manual", false);
        jdbc.sql("UPDATE contact SET created_at = now() - interval '100 days' WHERE id = ?")
                .param(third.id())
                .update();
        run.run(boss.orgId());
        jdbc.sql("UPDATE review_finding SET found_at = now() - interval '12 days' WHERE contact_id = ?")
                .param(first.id())
                .update();
        return List.of(first, second, third);
    }
}
