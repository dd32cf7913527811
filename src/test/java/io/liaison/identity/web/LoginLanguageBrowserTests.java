package io.liaison.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The language links under the login form: the page a click opens is already in the chosen language. */
class LoginLanguageBrowserTests extends BrowserTest {

    @Test
    void theLanguageChangesOnTheClickItself() {
        driver.manage().deleteAllCookies();
        driver.get(url("/login?lang=en"));
        assertThat(heading()).isEqualTo("Log in");

        click(By.id("login-lang-zh"));
        assertThat(heading()).isEqualTo("登录");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.id("login-lang-zh")).getAttribute("aria-current"))
                .isEqualTo("true");
        screenshot("login-zh-after-click");

        click(By.id("login-lang-en"));
        assertThat(heading()).isEqualTo("Log in");
        assertThat(driver.findElement(By.id("login-lang-en")).getAttribute("aria-current"))
                .isEqualTo("true");

        // The choice stays for the pages that follow, without the parameter.
        click(By.id("login-lang-zh"));
        driver.get(url("/login"));
        assertThat(heading()).isEqualTo("登录");
    }

    private String heading() {
        return driver.findElement(By.cssSelector("main h2")).getText();
    }
}
