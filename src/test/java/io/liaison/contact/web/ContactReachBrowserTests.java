package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.NewMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contact's page on a desktop and a 390 px phone, in Chinese and English: the mobile spaced for
 * reading and a tap away for the member who follows it, plain and masked for one who may not reveal it,
 * a long address wrapped only between its parts, the follow-up form that fits and records on
 * Ctrl+Enter, and a timeline that says so when it is empty.
 */
class ContactReachBrowserTests extends BrowserTest {

    private static final String ADDRESS = "wangfang.zhangsan@international-sales.example-company.com.cn";

    @Autowired
    ContactService contacts;

    @Test
    void callAndMailLinksForTheOwnerMaskedTextForAMemberAndAFollowUpOnCtrlEnter() {
        Actor boss = newOrganization("Reach", "zh-CN", "老板");
        Member m = members.create(boss, new NewMember("wangfang", "王芳", null, null, "MEMBER", List.of(), PASSWORD));
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "欧阳明轩");
        body.put("mobile", "+8613800138000");
        body.put("company", "深圳电子科技股份有限公司");
        body.put("title", "华南区采购总监");
        body.put("emails", List.of(Map.of("address", ADDRESS)));
        body.put("shareUserIds", List.of(m.id().toString()));
        Contact contact = contacts.create(boss, body, "manual", false);
        jdbc.sql("DELETE FROM contact_timeline WHERE contact_id = ?")
                .param(contact.id())
                .update();
        Pages pages = new Pages(driver);

        logIn(boss.orgCode(), "boss", "zh-CN");
        pages.viewport(390, 844);
        driver.get(url("/contacts/" + contact.id()));
        WebElement mobile = driver.findElement(By.id("contact-mobile"));
        assertThat(mobile.getTagName()).isEqualTo("a");
        assertThat(mobile.getDomAttribute("href")).isEqualTo("tel:+8613800138000");
        assertThat(mobile.getText()).isEqualTo("+86 138 0013 8000");
        WebElement mail = driver.findElement(By.cssSelector("a.contact-email"));
        assertThat(mail.getDomAttribute("href")).isEqualTo("mailto:" + ADDRESS);
        assertThat(mail.getText().replaceAll("\\s", "")).isEqualTo(ADDRESS);
        assertThat(linesOfTheLongestPart(mail)).isEqualTo(1);
        assertThat(mail.getRect().getHeight()).as("wrapped between its parts").isGreaterThan(30);
        assertThat(driver.findElement(By.id("timeline")).getText()).isEqualTo("这位联系人还没有任何动态。");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        WebElement form = driver.findElement(By.id("follow-up-form"));
        assertThat(form.getRect().getX() + form.getRect().getWidth()).isLessThanOrEqualTo(390);
        screenshot("contact-zh-390");

        WebElement content = driver.findElement(By.id("follow-up-content"));
        content.sendKeys("电话沟通续约，下周三拜访。");
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "电话沟通续约"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("timeline-empty")));
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("老板");
        assertThat(driver.findElement(By.id("follow-up-content")).getAttribute("value"))
                .isEmpty();
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('follow-up-form').scrollIntoView({behavior: 'instant'});");
        screenshot("contact-followed-up-zh-390");

        pages.viewport(1366, 900);
        driver.get(url("/contacts/" + contact.id()));
        assertThat(linesOfTheLongestPart(driver.findElement(By.cssSelector("a.contact-email"))))
                .isEqualTo(1);
        screenshot("contact-zh-1366");

        driver.manage().deleteAllCookies();
        logIn(boss.orgCode(), "wangfang", "en");
        driver.get(url("/contacts/" + contact.id()));
        assertThat(driver.findElement(By.id("contact-mobile")).getTagName()).isEqualTo("span");
        assertThat(driver.findElement(By.id("contact-mobile")).getText()).isEqualTo("+86 138****8000");
        assertThat(driver.findElements(
                        By.cssSelector("#contact-details a[href^='tel:'], #contact-details a[href^='mailto:']")))
                .isEmpty();
        assertThat(driver.findElement(By.id("contact-details")).getText()).contains("w***@international");
        screenshot("contact-masked-en-1366");
        pages.viewport(390, 844);
        driver.get(url("/contacts/" + contact.id()));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("contact-masked-en-390");
    }

    /** How many lines the longest unbroken part of the address (between its "@" and dots) takes. */
    private long linesOfTheLongestPart(WebElement address) {
        return ((Number) ((JavascriptExecutor) driver)
                        .executeScript(
                                "let most = 0, longest = null;"
                                        + " arguments[0].querySelectorAll('.email-part').forEach(function (n) {"
                                        + " if (n.textContent.length > most) {"
                                        + " most = n.textContent.length; longest = n; } });"
                                        + " const range = document.createRange(); range.selectNodeContents(longest);"
                                        + " return new Set(Array.from(range.getClientRects()).map(function (r) {"
                                        + " return Math.round(r.top); })).size;",
                                address))
                .longValue();
    }
}
