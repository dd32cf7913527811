package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact list's search in headless Chromium, in Chinese: typing initials updates the results in
 * place, the best match highlighted, and Enter opens it.
 */
class ContactSearchBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    Actor boss;

    @Test
    void typingInitialsFindsTheContactAndEnterOpensIt() {
        String code = newOrganization();
        Contact zhang = contact("张三", "上海贸易有限公司");
        contact("赵森", "深圳电子");
        contact("李四", "北京科技");
        contact("王五", "张氏物流");
        logIn(code, "boss", "zh-CN");

        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 4 位联系人"));
        // A page reload would lose this mark; htmx swaps keep it.
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.sameLoad = 'yes';");

        WebElement search = driver.findElement(By.id("contact-search"));
        search.sendKeys("zs");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 2 位联系人"));
        wait.until(d ->
                !d.findElements(By.cssSelector("#contact-rows > tr.is-active")).isEmpty());
        assertThat(driver.findElement(By.id("contact-rows")).getText())
                .contains("张三", "赵森")
                .doesNotContain("李四", "王五");
        assertThat(driver.findElement(By.cssSelector("#contact-rows mark")).getText())
                .isEqualTo("张三");
        WebElement best = driver.findElement(By.id("contact-" + zhang.id()));
        assertThat(best.getAttribute("class")).contains("is-active");
        assertThat(search.getAttribute("aria-activedescendant")).isEqualTo(best.getAttribute("id"));
        assertThat(driver.findElement(By.cssSelector("#contact-sort option:checked"))
                        .getText())
                .isEqualTo("最佳匹配");
        assertThat(driver.getCurrentUrl()).contains("q=zs");
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-same-load"))
                .isEqualTo("yes");
        screenshot("contact-search-1280");

        search.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/contacts/" + zhang.id()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-name"), "张三"));

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/contacts"));
        search = driver.findElement(By.id("contact-search"));
        search.sendKeys("张");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 2 位联系人"));
        assertThat(driver.findElement(By.id("contact-rows")).getText()).contains("张三", "王五", "公司");
        screenshot("contact-search-390");

        search.sendKeys(Keys.ESCAPE);
        assertThat(driver.findElements(By.cssSelector("#contact-rows > tr.is-active")))
                .isEmpty();
        assertThat(search.getAttribute("value")).isEqualTo("张");
    }

    private Contact contact(String name, String company) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("company", company);
        return contacts.create(boss, body, "manual", false);
    }

    /** A fresh Chinese organization; answers its code. */
    private String newOrganization() {
        boss = newOrganization("Search", "zh-CN", "Boss");
        return boss.orgCode();
    }
}
