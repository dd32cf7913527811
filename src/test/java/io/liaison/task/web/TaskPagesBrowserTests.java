package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.chat.ChatPosts;
import io.liaison.chat.ChatUser;
import io.liaison.chat.conversation.ConversationService;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.shared.MergePatch;
import io.liaison.task.core.Task;
import io.liaison.task.core.TaskService;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * My tasks on a desktop and on a phone 390 pixels wide: every section readable without scrolling
 * sideways, a task ticked done in place without a reload, the form's repetition details following
 * the kind chosen; a chat message made a task, which the group's side panel then lists.
 */
class TaskPagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    TaskService tasks;

    @Autowired
    ConversationService conversations;

    @Autowired
    ChatPosts posts;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void myTasksFitAPhoneAndATickCompletesOneInPlace() {
        Actor boss = newOrganization("Tick", "zh-CN", "李娜");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "欧阳娜娜");
        Contact contact = contacts.create(boss, body, "manual", false);
        Instant now = Instant.now();
        Task late = task(boss, contact, "给欧阳娜娜回电话，确认十二月的报价和交货时间", "urgent", now.minus(Duration.ofHours(3)));
        task(boss, contact, "准备样品", "high", now.plus(Duration.ofDays(2)));
        task(boss, contact, "整理客户资料", "low", null);

        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/tasks"));
        assertThat(driver.findElement(By.id("tasks-overdue")).getText()).contains("给欧阳娜娜回电话", "紧急", "3 小时前");
        assertThat(driver.findElement(By.cssSelector("[data-nav-badge='/tasks']"))
                        .getText())
                .isEqualTo("1");
        screenshot("tasks-list-zh-1280");

        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("tasks-list-zh-390");

        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.notReloaded = true;");
        click(By.cssSelector("#task-" + late.id() + " button.task-tick"));
        // htmx swaps the row in place: a row read while it is being replaced is read again.
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id("task-" + late.id()), "class", "task-done"));
        assertThat(js.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        assertThat(tasks.get(boss, late.id()).status()).isEqualTo("done");
        screenshot("tasks-list-ticked-zh-390");

        driver.get(url("/tasks/new?contact=" + contact.id()));
        assertThat(driver.findElement(By.id("task-repeat-weekly-days")).isDisplayed())
                .isFalse();
        driver.findElement(By.cssSelector("#task-repeat-kind option[value='weekly']"))
                .click();
        assertThat(driver.findElement(By.id("task-repeat-weekly-days")).isDisplayed())
                .isTrue();
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("tasks-form-zh-390");

        driver.get(url("/tasks/" + late.id()));
        assertThat(driver.findElement(By.id("task-status")).getText()).isEqualTo("已完成");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("tasks-page-zh-390");
    }

    @Test
    void aMessageBecomesATaskThatTheGroupsSidePanelShows() {
        Actor boss = newOrganization("ChatTask", "zh-CN", "李娜");
        UUID group = conversations
                .create(
                        ChatUser.of(boss, Locale.CHINA),
                        new MergePatch(
                                Map.of("kind", "internal", "name", "华东客户项目", "memberIds", List.of()),
                                Set.of("kind", "name", "memberIds")))
                .row()
                .id();
        transaction.executeWithoutResult(status -> posts.post(boss, group, "周五前把报价发给欧阳\n记得含运费"));

        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/chats/" + group));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "记得含运费"));
        ((JavascriptExecutor) driver)
                .executeScript(
                        "document.querySelector('#chat-messages .chat-message [data-action=\"task\"]').click();");
        wait.until(ExpectedConditions.urlContains("/tasks/new"));
        assertThat(driver.findElement(By.id("task-title")).getDomProperty("value"))
                .isEqualTo("周五前把报价发给欧阳");
        assertThat(driver.findElement(By.id("task-description")).getDomProperty("value"))
                .contains("记得含运费");
        click(By.id("task-save"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-conversations")));
        assertThat(driver.findElement(By.id("task-conversations")).getText()).isEqualTo("华东客户项目");

        driver.get(url("/chats/" + group));
        wait.until(d -> "true".equals(d.findElement(By.id("chat")).getDomAttribute("data-ready")));
        click(By.id("chat-settings-open"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-tasks"), "周五前把报价发给欧阳"));
        assertThat(driver.findElement(By.id("chat-tasks")).getText()).contains("本聊天的任务", "新建任务");
        screenshot("tasks-chat-panel-zh-1280");
    }

    private Task task(Actor boss, Contact contact, String title, String priority, @Nullable Instant due) {
        return tasks.create(
                boss,
                new TaskService.NewTask(
                        title,
                        null,
                        priority,
                        due,
                        null,
                        null,
                        List.of(),
                        List.of(boss.memberId()),
                        List.of(contact.id()),
                        List.of(),
                        List.of(new Task.CheckItem("带上报价单", false))));
    }
}
