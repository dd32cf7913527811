package io.liaison.task.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The walk: a member opens a contact, makes a task of it due in a few seconds with a
 * reminder at its due time, sees the bell in the header light up when the reminder fires (without a
 * reload), opens the task from the notification and ticks it done; in Chinese, in English, and in
 * Chinese on a phone 390 pixels wide, where no page runs off the screen. The scheduler does not run
 * in tests; a thread has the reminder worker fire what is due, as the scheduler's executions do.
 */
class TaskReminderBrowserTests extends BrowserTest {

    /** Typed with seconds, which the form reads like minutes, so that the walk need not wait a minute. */
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    ContactService contacts;

    @Autowired
    ReminderWorker worker;

    private volatile boolean firing;
    private Thread scheduler;

    @BeforeEach
    void fireDueReminders() {
        firing = true;
        scheduler = new Thread(() -> {
            while (firing) {
                worker.fireDue();
                try {
                    Thread.sleep(ReminderWorker.IDLE.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        scheduler.setDaemon(true);
        scheduler.start();
    }

    @AfterEach
    void stopFiring() throws InterruptedException {
        firing = false;
        scheduler.interrupt();
        scheduler.join(5_000);
    }

    @Test
    void aTaskMadeFromAContactRemindsOnTimeAndIsTickedDoneInChinese() {
        walk("zh-CN", "李娜", "张伟", "给张伟回电话", "已完成", 1280);
    }

    @Test
    void aTaskMadeFromAContactRemindsOnTimeAndIsTickedDoneInEnglish() {
        walk("en", "Lena Li", "Wei Zhang", "Call Wei Zhang back", "Done", 1280);
    }

    @Test
    void theWalkFitsAPhone() {
        walk("zh-CN", "李娜", "王芳", "给王芳寄样品", "已完成", 390);
    }

    private void walk(String language, String bossName, String contactName, String title, String done, int width) {
        Actor boss = newOrganization("Remind", language, bossName);
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", contactName);
        Contact contact = contacts.create(boss, body, "manual", false);
        logIn(boss.orgCode(), "boss", language);
        Pages pages = new Pages(driver);
        if (width < 1280) {
            pages.viewport(width, 844);
        }
        String shot = "task-" + language + "-" + width + "-";

        driver.get(url("/contacts/" + contact.id()));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("contact-task-new")));
        screenshot(shot + "1-contact");
        click(By.id("contact-task-new"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-title")));
        assertThat(driver.findElement(By.id("task-contact-rows")).getText()).contains(contactName);
        driver.findElement(By.id("task-title")).sendKeys(title);
        ZoneId zone = boss.timeZone();
        Instant due = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        driver.findElement(By.id("task-due")).sendKeys(DUE.format(due.atZone(zone)));
        click(By.cssSelector("label[for='task-reminder-PT0M']"));
        assertThat(driver.findElement(By.id("task-reminder-PT0M")).isSelected()).isTrue();
        // the chosen reminder reads as chosen: white on the primary colour, once its transition ended
        wait.until(
                d -> "rgb(255, 255, 255)"
                        .equals(
                                ((JavascriptExecutor) d)
                                        .executeScript(
                                                "return getComputedStyle(document.querySelector(\"label[for='task-reminder-PT0M']\")).color;")));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot(shot + "2-form");
        click(By.id("task-save"));

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-status")));
        assertThat(driver.findElement(By.id("task-title")).getText()).isEqualTo(title);
        assertThat(driver.findElement(By.id("task-contacts")).getText()).contains(contactName);
        WebElement bell = driver.findElement(By.id("bell-count"));
        assertThat(bell.getAttribute("class")).contains("d-none");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot(shot + "3-task");

        // the reminder fires at the due time; the bell follows the notification without a reload
        new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.textToBe(By.id("bell-count"), "1"));
        Instant lit = Instant.now();
        assertThat(lit).as("the bell lights at the due time, not before").isAfterOrEqualTo(due);
        long late = Duration.between(due, lit).toMillis();
        System.out.println("Task reminder: the bell lit " + late + " ms after the due time");
        assertThat(bell.getAttribute("class")).doesNotContain("d-none");
        screenshot(shot + "4-bell");

        click(By.id("bell"));
        By open = By.cssSelector("#notifications .unread button[type=submit]");
        wait.until(ExpectedConditions.elementToBeClickable(open));
        assertThat(driver.findElement(By.id("notifications")).getText()).contains(title);
        screenshot(shot + "5-notifications");
        click(open);

        wait.until(ExpectedConditions.elementToBeClickable(By.id("task-complete")));
        assertThat(driver.getCurrentUrl()).contains("/tasks/");
        click(By.id("task-complete"));
        wait.until(ExpectedConditions.textToBe(By.id("task-status"), done));
        assertThat(driver.findElements(By.id("task-complete"))).isEmpty();
        screenshot(shot + "6-done");

        driver.get(url("/tasks"));
        assertThat(driver.findElement(By.id("tasks-done")).getText()).contains(title);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot(shot + "7-list");
    }
}
