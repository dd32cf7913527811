package io.liaison.integration.dav;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.identity.Actor;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Phone address book page in a real browser: in Chinese and English, at 1280 and 390 pixels. */
class AddressBookPagesBrowserTests extends BrowserTest {

    @Test
    void aMemberCreatesAnAppPasswordAndReadsHowToConnectEachClient() throws IOException {
        Actor boss = newOrganization("Dav", "zh-CN", "通讯录 " + suffix);
        logIn(boss.orgCode(), boss.login(), "zh-CN");
        driver.get(url("/address-book"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("手机通讯录");
        assertThat(driver.findElement(By.id("dav-url")).getText()).isEqualTo(url("/dav/"));
        assertThat(driver.findElement(By.id("dav-clients")).getText())
                .contains("iPhone", "macOS", "DAVx⁵", "Thunderbird", url("/dav/"));
        assertThat(driver.findElement(By.id("dav-holds")).getText()).contains("最多 5000 张");
        assertThat(driver.findElement(By.id("dav-tags")).isDisplayed()).isTrue();

        driver.findElement(By.id("dav-password-name")).sendKeys("我的 iPhone");
        click(By.cssSelector("#dav-password-create button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dav-secret")));
        assertThat(driver.findElement(By.id("dav-secret")).getAttribute("value"))
                .matches("[a-z2-9]{4}(-[a-z2-9]{4}){5}");
        assertThat(driver.findElement(By.id("dav-password-list")).getText()).contains("我的 iPhone");
        screenshot("address-book-zh-1280");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/address-book"));
        screenshot("address-book-zh-390");
        long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0);

        click(By.cssSelector("#dav-password-list button"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dav-passwords"), "应用密码已撤销"));
        assertThat(driver.findElement(By.id("dav-password-list")).getText()).doesNotContain("我的 iPhone");
    }

    @Test
    void theEnglishPageAtPhoneWidth() throws IOException {
        Actor boss = newOrganization("Dav", "en", "Book " + suffix);
        logIn(boss.orgCode(), boss.login(), "en");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/address-book"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Phone address book");
        assertThat(driver.findElement(By.id("dav-holds")).getText()).contains("at most 5000");
        screenshot("address-book-en-390");
    }
}
