package io.liaison.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.identity.Actor;
import io.liaison.shared.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell in the header shows a member's unread count and follows it without a reload: a
 * notification raised elsewhere appears on it, and reading them all clears it, through the
 * server-sent stream that PostgreSQL's NOTIFY feeds.
 */
class BellBrowserTests extends BrowserTest {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theBellCountsANewNotificationWithoutAReload() {
        Actor boss = newOrganization("Bell", "zh-CN", "老板");
        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/notifications"));
        WebElement count = driver.findElement(By.id("bell-count"));
        assertThat(count.getAttribute("class")).contains("d-none");
        // the stream is open once the page's script ran; the first event carries the count now
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> ((org.openqa.selenium.JavascriptExecutor) d)
                        .executeScript("return document.readyState")
                        .equals("complete"));
        sleep(500);

        long raised = System.nanoTime();
        transaction.executeWithoutResult(s -> notifications.raise(new NewNotification(
                boss.orgId(),
                boss.memberId(),
                ContactNotifications.SHARED,
                Message.of("notify.contact.shared.title", "李娜", "张三"),
                Message.of("notify.contact.shared.body", "李娜", "张三"),
                null)));
        new WebDriverWait(driver, Duration.ofSeconds(3)).until(ExpectedConditions.textToBe(By.id("bell-count"), "1"));
        long millis = (System.nanoTime() - raised) / 1_000_000;
        System.out.println("Bell: a raised notification showed on the bell after " + millis + " ms");
        assertThat(count.getAttribute("class")).doesNotContain("d-none");
        screenshot("bell-one-unread");

        transaction.executeWithoutResult(s -> notifications.markAllRead(boss));
        new WebDriverWait(driver, Duration.ofSeconds(3))
                .until(d ->
                        d.findElement(By.id("bell-count")).getAttribute("class").contains("d-none"));
        assertThat(driver.getCurrentUrl()).endsWith("/notifications");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
