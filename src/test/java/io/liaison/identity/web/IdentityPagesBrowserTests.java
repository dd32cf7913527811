package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.identity.Actor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages in a real browser: headless Chromium from the system packages, driven by Selenium with
 * the system chromedriver so that nothing is downloaded. Each test works in an organization of its own.
 */
class IdentityPagesBrowserTests extends BrowserTest {

    @Test
    void administratorWorksInChinese() throws IOException {
        logInToANewOrganization();
        screenshot("home-en-1280");
        assertThat(mainMenuRows())
                .as("the main menu on one line at 1280 px in English")
                .hasSize(1);

        driver.findElement(By.id("account-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();
        // The switch reloads the page; the navigation read while it is replaced is read again.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "部门"));
        wait.ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("nav")).getText().contains("成员"));
        screenshot("home-zh-1280");
        assertThat(mainMenuRows())
                .as("each Chinese label of the main menu on one line, beside a long account name")
                .hasSize(1);

        String department = "研发部 " + suffix;
        driver.get(url("/departments"));
        driver.findElement(By.id("new-name")).sendKeys(department);
        driver.findElement(By.cssSelector("#department-create button[type=submit]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("department-table"), department));

        String name = "张三 " + suffix;
        driver.get(url("/members/new"));
        driver.findElement(By.id("login")).sendKeys("zhangsan-" + suffix);
        driver.findElement(By.id("displayName")).sendKeys(name);
        driver.findElement(By.id("mobile")).sendKeys("13800138000");
        driver.findElement(By.id("email")).sendKeys("zhangsan-" + suffix + "@example.com");
        driver.findElement(By.id("password")).sendKeys("zhangsan-password");
        driver.findElement(By.xpath("//label[normalize-space()='" + department + "']"))
                .click();
        screenshot("member-form-zh-1280");
        driver.findElement(By.id("member-save")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("member-rows"), name));
        WebElement row = driver.findElement(By.xpath("//tr[.//div[normalize-space()='" + name + "']]"));
        assertThat(row.getText()).contains(department, "成员", "在职");
        screenshot("members-zh-1280");

        driver.get(url("/departments"));
        driver.findElement(By.xpath("//tr[.//span[normalize-space()='" + department + "']]//button[contains(., '删除')]"))
                .click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "部门不为空"));
        assertThat(driver.findElement(By.id("department-table")).getText()).contains(department);
        screenshot("departments-toast-zh-1280");

        driver.get(url("/tokens"));
        driver.findElement(By.id("token-name")).sendKeys("CRM " + suffix);
        driver.findElement(By.cssSelector("#token-create button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-secret")));
        assertThat(driver.findElement(By.id("token-secret")).getAttribute("value"))
                .startsWith("lia_");
        assertThat(driver.findElement(By.id("token-table")).getText()).contains("CRM " + suffix);
        screenshot("tokens-zh-1280");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/members"));
        screenshot("members-zh-390");
        driver.findElement(By.cssSelector(".navbar-toggler")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-menu")));
        screenshot("menu-zh-390");
        driver.findElement(By.id("more-menu")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dropdown-item[href='/audit']")));
        assertThat(driver.findElement(By.cssSelector("#more-menu + .dropdown-menu"))
                        .getText())
                .isEqualTo("群发\n待联系\n自定义字段\n回收站\n角色与权限\n消息渠道\nWebhook\n审计日志");
        screenshot("more-menu-zh-390");
    }

    @Test
    void expiredSessionOnAnHtmxRequestLeadsToTheLogin() throws IOException {
        logInToANewOrganization();
        driver.get(url("/members"));

        String sessionId = new String(
                Base64.getDecoder()
                        .decode(driver.manage().getCookieNamed("SESSION").getValue()),
                StandardCharsets.UTF_8);
        int ended = jdbc.sql("DELETE FROM spring_session WHERE session_id = ?")
                .param(sessionId)
                .update();
        assertThat(ended).isEqualTo(1);

        driver.findElement(By.id("member-search")).sendKeys("anyone");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.id("login-submit")).isDisplayed()).isTrue();
    }

    /** Logs the administrator of a new English organization in, after a screenshot of the login page. */
    private void logInToANewOrganization() {
        Actor boss = newOrganization("Browser", "en", "Boss " + suffix);
        driver.get(url("/login?lang=en"));
        screenshot("login-en");
        logIn(boss.orgCode(), "boss", "en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), boss.orgName()));
    }

    /**
     * The main menu's rows and label lines, distinct: {@code "1 line at 8"} alone when every entry stands in
     * one row with its label on one line.
     */
    private Set<Object> mainMenuRows() {
        Object rows = ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('#main-nav > ul.me-auto > li > a.nav-link')].map(a => {
                    const label = document.createRange();
                    label.selectNodeContents(a.querySelector('span:not(.badge)') || a);
                    const lines = new Set([...label.getClientRects()].map(r => Math.round(r.top))).size;
                    return lines + (lines === 1 ? ' line' : ' lines') + ' at ' + Math.round(a.getBoundingClientRect().top);
                });""");
        return new HashSet<>((List<?>) rows);
    }
}
