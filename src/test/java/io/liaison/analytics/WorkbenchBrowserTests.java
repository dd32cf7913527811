package io.liaison.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.identity.Actor;
import io.liaison.task.cadence.CadenceService;
import io.liaison.task.core.TaskService;
import io.liaison.task.core.TaskService.NewTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workbench in a browser, as the page after login: the administrator's figures with the
 * organization's, their tasks, a contact due for a touch whose link opens the follow-up form, a review
 * finding and recent activity; in Chinese on a desktop and in English on a 390 px phone, without a
 * sideways scroll or a console error.
 */
class WorkbenchBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    FollowUpService followUps;

    @Autowired
    TaskService tasks;

    @Autowired
    CadenceService cadences;

    @Test
    void theAdministratorsWorkbenchInChineseOnADesktop() {
        Actor boss = newOrganization("Workbench", "zh-CN", "老板");
        Contact due = seed(boss, "欧阳明轩", "司马雨桐", "约了下周二上门演示", "回访欧阳明轩，确认报价");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);
        pages.viewport(1280, 900);

        driver.get(url("/"));
        assertThat(driver.getTitle()).startsWith("工作台");
        assertThat(driver.findElement(By.id("workbench-my-contacts")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("workbench-new-this-week")).getText())
                .isEqualTo("本周新增 1 位");
        assertThat(driver.findElement(By.id("workbench-overdue-count")).getText())
                .isEqualTo("1");
        assertThat(driver.findElement(By.id("workbench-team")).getText()).contains("全组织", "2 位联系人", "1 项逾期任务");
        assertThat(driver.findElement(By.id("workbench-tasks")).getText()).contains("回访欧阳明轩，确认报价");
        assertThat(driver.findElement(By.id("workbench-touches")).getText()).contains("欧阳明轩", "记录跟进");
        assertThat(driver.findElement(By.id("workbench-findings")).getText()).contains("信息不全");
        assertThat(driver.findElement(By.id("workbench-activity")).getText()).contains("司马雨桐", "电话", "约了下周二上门演示");
        assertThat(driver.findElement(By.id("workbench-events-empty")).getText())
                .contains("今天没有安排。");
        assertThat(browser.consoleErrors()).isEmpty();
        screenshot("workbench-zh-1280");

        click(By.cssSelector("#workbench-touches a[href='/contacts/" + due.id() + "#follow-up-form']"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-up-form")));
        assertThat(driver.findElement(By.id("contact-name")).getText()).isEqualTo("欧阳明轩");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theWorkbenchOnAPhoneInEnglish() {
        Actor boss = newOrganization("Workbench", "en", "Boss");
        seed(
                boss,
                "Alexandra Montgomery-Richardson",
                "Bartholomew Fitzgerald",
                "Demo booked for next Tuesday",
                "Call Alexandra back about the offer");
        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/"));
        assertThat(driver.getTitle()).startsWith("Workbench");
        assertThat(driver.findElement(By.id("workbench-new-this-week")).getText())
                .isEqualTo("1 new this week");
        assertThat(driver.findElement(By.id("workbench-team")).getText())
                .contains("The whole organization", "2 contacts", "1 overdue task");
        assertThat(driver.findElement(By.id("workbench-tasks")).getText())
                .contains("Call Alexandra back about the offer");
        assertThat(driver.findElement(By.id("workbench-chats-empty")).getText()).isEqualTo("You have read everything.");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.id("workbench-my-contacts"))))
                .isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        screenshot("workbench-en-390");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        screenshot("workbench-en-390-bottom");
    }

    /**
     * Two contacts of the administrator: the first made ten days ago with a weekly cadence (so due for
     * a touch) and an incomplete-contact finding, the second called today; and an overdue task.
     */
    private Contact seed(Actor boss, String due, String called, String note, String task) {
        Contact first = contacts.create(boss, Map.of("name", due), "manual", false);
        Contact second = contacts.create(boss, Map.of("name", called, "company", "Acme"), "manual", false);
        jdbc.sql("UPDATE contact SET created_at = now() - interval '10 days' WHERE id = ?")
                .param(first.id())
                .update();
        cadences.create(boss, first.id(), null, 7);
        jdbc.sql("""
                        INSERT INTO review_finding (org_id, id, contact_id, kind, reason)
                        VALUES (?, ?, ?, 'incomplete', 'incomplete.contact')""").params(boss.orgId(), UUID.randomUUID(), first.id()).update();
        followUps.record(boss, second.id(), "call", note, null);
        tasks.create(
                boss,
                new NewTask(
                        task,
                        null,
                        null,
                        Instant.now().minus(Duration.ofHours(2)),
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));
        return first;
    }
}
