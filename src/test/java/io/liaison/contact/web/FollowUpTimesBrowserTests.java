package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.shared.MergePatch;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Chinese sales team on a server whose clock runs in UTC: the follow-up form starts at the present
 * minute in Beijing, and a follow-up typed at 13:36 shows as 13:36, in Chinese and in English (two
 * days ago, so that it reads in full rather than as hours ago).
 */
class FollowUpTimesBrowserTests extends BrowserTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Autowired
    ContactService contacts;

    @Test
    void aFollowUpTypedAt1336InBeijingShowsAs1336OnAServerInUtc() {
        assertThat(TimeZone.getDefault().getID())
                .as("the suite's JVM runs in UTC")
                .isEqualTo("UTC");
        Actor boss = newOrganization("Beijing", "zh-CN", "王芳");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "张伟");
        body.put("company", "上海贸易");
        Contact contact = contacts.create(boss, body, "manual", false);
        logIn(boss.orgCode(), "boss", "zh-CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), boss.orgName()));

        ZonedDateTime before = ZonedDateTime.now(SHANGHAI);
        driver.get(url("/contacts/" + contact.id()));
        WebElement at = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-up-at")));
        ZonedDateTime after = ZonedDateTime.now(SHANGHAI);
        assertThat(at.getAttribute("value"))
                .as("the form starts at the present minute in Beijing")
                .isIn(before.format(MINUTE), after.format(MINUTE));
        assertThat(at.getAttribute("type")).isEqualTo("text");
        assertThat(at.getAttribute("placeholder")).isEqualTo("如 2026-12-03 13:36");

        at.clear();
        at.sendKeys("2026-12-01 13:36");
        driver.findElement(By.id("follow-up-content")).sendKeys("电话沟通报价");
        click(By.id("follow-up-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "电话沟通报价"));

        driver.navigate().refresh();
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".follow-up-at")));
        assertThat(shown.getText()).isEqualTo("2026年12月1日 13:36");
        WebElement lastContacted = driver.findElement(By.id("contact-last-contacted"));
        assertThat(lastContacted.getText()).isEqualTo("2026年12月1日 13:36");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("05:36");
        assertThat(driver.findElement(By.id("timeline")).getText())
                .as("the contact was added a moment ago")
                .containsAnyOf("刚刚", "1 分钟前");
        screenshot("follow-up-times-zh-1366");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-up-at")));
        screenshot("follow-up-times-zh-390");

        members.update(boss, boss.memberId(), new MergePatch(Map.of("locale", "en"), MemberService.PATCHABLE), null);
        driver.get(url("/contacts/" + contact.id()));
        shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".follow-up-at")));
        assertThat(shown.getText()).isEqualTo("Dec 1, 2026, 1:36 PM");
        assertThat(driver.findElement(By.id("follow-up-at")).getAttribute("placeholder"))
                .isEqualTo("e.g. 2026-12-03 13:36");
        screenshot("follow-up-times-en-390");
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-up-at")));
        screenshot("follow-up-times-en-1366");

        driver.get(url("/roles"));
        WebElement zone =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("organization-time-zone-select")));
        assertThat(zone.getAttribute("value")).isEqualTo("Asia/Shanghai");
        screenshot("time-zone-settings-en-1366");
        driver.get(url("/audit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-from")));
        assertThat(driver.findElement(By.id("audit-table")).getText())
                .contains(
                        ZonedDateTime.now(SHANGHAI).format(DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)));
        screenshot("audit-times-en-1366");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/profile"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeZone")));
        screenshot("profile-time-zone-en-390");
    }
}
