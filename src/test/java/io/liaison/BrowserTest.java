package io.liaison;

import io.liaison.identity.Actor;
import io.liaison.identity.MemberService;
import io.liaison.identity.OrganizationService;
import io.liaison.identity.PageActors;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * What the browser tests share: Liaison on a random port with the suite's database, a fresh headless
 * Chromium ({@link Browser}) for each test, closed after it, and the steps every such test takes:
 * a new organization, logging in, reaching a page, clicking clear of the navbar, a screenshot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class BrowserTest {

    /** The password of the members these tests make. */
    protected static final String PASSWORD = PageActors.ADMIN_PASSWORD;

    @LocalServerPort
    protected int port;

    @Autowired
    protected OrganizationService organizations;

    @Autowired
    protected MemberService members;

    @Autowired
    protected JdbcClient jdbc;

    protected Browser browser;
    protected WebDriver driver;
    protected WebDriverWait wait;

    /** Eight characters that make the names a test gives its own. */
    protected String suffix;

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

    /**
     * The administrator, login "boss" with {@link #PASSWORD} and named {@code bossName}, of a new
     * organization in {@code locale} whose name and code start with {@code prefix}.
     */
    protected Actor newOrganization(String prefix, String locale, String bossName) {
        return PageActors.newOrganizationAdmin(members, organizations, jdbc, prefix, locale, bossName);
    }

    /** Logs {@code login} in to the organization {@code orgCode}, choosing the language {@code lang}. */
    protected void logIn(String orgCode, String login, String lang) {
        browser.logIn(url(""), orgCode, login, PASSWORD, lang);
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    protected void screenshot(String name) {
        browser.screenshot(name);
    }

    /**
     * Clicks an element after scrolling it to the middle, clear of the sticky navbar and the window's
     * edge; instantly, as Bootstrap's smooth scrolling would still be moving it when the click lands.
     */
    protected void click(By locator) {
        WebElement element = driver.findElement(locator);
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }
}
