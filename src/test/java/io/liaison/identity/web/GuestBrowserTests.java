package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.identity.Actor;
import io.liaison.identity.GuestInvitation;
import io.liaison.identity.Guests;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A guest in a real browser (headless Chromium) on a phone-sized screen: the invitation link opens
 * the join form in the organization's Chinese, joining lands on their profile, and they log out and
 * in again on the guests' login page; then the profile in English on a desktop screen.
 */
class GuestBrowserTests extends BrowserTest {

    static final String GUEST_PASSWORD = "guest-password-1";

    @Autowired
    Guests guests;

    @Test
    void aGuestJoinsLogsOutAndLogsInAgain() {
        Actor admin = newOrganization("guestbrowser", "zh-CN", "Boss");
        GuestInvitation invitation = guests.invite(admin, UUID.randomUUID(), UUID.randomUUID(), "lilei@example.com");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url(invitation.url().substring(invitation.url().indexOf("/guest/join/"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "接受邀请"));
        assertThat(driver.findElement(By.id("login")).getAttribute("value")).isEqualTo("lilei@example.com");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        driver.findElement(By.id("displayName")).sendKeys("李雷");
        driver.findElement(By.id("password")).sendKeys(GUEST_PASSWORD);
        driver.findElement(By.id("password2")).sendKeys(GUEST_PASSWORD);
        screenshot("guest-join-zh-390");
        click(By.id("guest-join-submit"));

        wait.until(ExpectedConditions.urlToBe(url("/guest/chats")));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        click(By.id("guest-profile-link"));
        wait.until(ExpectedConditions.urlToBe(url("/guest/profile")));
        assertThat(driver.findElement(By.id("guest-name")).getText()).isEqualTo("李雷");
        assertThat(driver.findElement(By.id("guest-how-to-login")).getText())
                .contains(admin.orgCode(), "lilei@example.com");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.id("guest-logout")))).isTrue();
        screenshot("guest-home-zh-390");

        click(By.id("guest-logout"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "你已退出登录"));
        driver.get(url("/guest"));
        wait.until(ExpectedConditions.urlContains("/guest/login"));
        driver.findElement(By.id("organization")).sendKeys(admin.orgCode());
        driver.findElement(By.id("username")).sendKeys("lilei@example.com");
        driver.findElement(By.id("password")).sendKeys(GUEST_PASSWORD);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("guest-login-zh-390");
        click(By.id("guest-login-submit"));

        wait.until(ExpectedConditions.urlToBe(url("/guest/chats")));
        driver.get(url("/guest/profile"));
        assertThat(driver.findElement(By.id("guest-name")).getText()).isEqualTo("李雷");

        pages.viewport(1280, 900);
        driver.findElement(By.linkText("English")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("guest-logout"), "Log out"));
        screenshot("guest-home-en-1280");
    }
}
