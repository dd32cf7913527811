package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Browser;
import io.liaison.TestDatabase;
import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * The pages in a real browser: headless Chromium from the system packages, driven by Selenium with
 * the system chromedriver so that nothing is downloaded. Each test works in an organization of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
class IdentityPagesBrowserTests {

    private static final String PASSWORD = "browser-test-password";

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    Browser browser;
    WebDriver driver;
    WebDriverWait wait;
    String suffix;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = Browser.start();
        driver = browser.driver();
        wait = browser.waiting();
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        browser.close();
    }

    @Test
    void administratorWorksInChinese() throws IOException {
        String orgCode = newOrganization();
        logIn(orgCode);
        screenshot("home-en-1280");

        driver.findElement(By.id("account-menu")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lang-zh"))).click();
        // The switch reloads the page; the navigation read while it is replaced is read again.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "部门"));
        wait.ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("nav")).getText().contains("成员"));
        screenshot("home-zh-1280");

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
                .isEqualTo("自定义字段\n角色与权限\n审计日志");
        screenshot("more-menu-zh-390");
    }

    @Test
    void expiredSessionOnAnHtmxRequestLeadsToTheLogin() throws IOException {
        String orgCode = newOrganization();
        logIn(orgCode);
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

    /** A fresh organization with an administrator "boss", made by the system administrator. */
    private String newOrganization() {
        UUID systemAdminId = jdbc.sql("SELECT id FROM member WHERE system_admin")
                .query(UUID.class)
                .single();
        Actor systemAdmin = members.actor(systemAdminId).orElseThrow();
        String code = "browser-" + suffix;
        organizations.create(
                systemAdmin,
                new OrganizationService.CreateOrganization(
                        "Browser Org " + suffix, code, "en", "boss", PASSWORD, "Boss " + suffix));
        return code;
    }

    private void logIn(String orgCode) {
        driver.get(url("/login?lang=en"));
        screenshot("login-en");
        browser.logIn(url(""), orgCode, "boss", PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Browser Org " + suffix));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
