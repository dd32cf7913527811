package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.contact.TagGroup;
import io.liaison.contact.followup.FollowUpService;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.NewMember;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact list as a working tool in headless Chromium: 30 contacts with tags, mobiles and follow-ups
 * seen by a member who may not reveal them; at 1366×900 at least 15 rows above the fold, on a 390×844
 * phone at least 6 cards and nothing wider than the screen, the mobile masked in the row, the tag
 * filter folded; and the keyboard: "/" to the search box, the rows found to move through and open.
 */
class ContactListBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Autowired
    FollowUpService followUps;

    Actor boss;
    Actor wang;
    List<Contact> seeded = new ArrayList<>();

    @Test
    void fifteenRowsOnADesktopAndSixCardsOnAPhoneWithTheMaskedMobileAndTheLastFollowUp() {
        seed();
        logIn(boss.orgCode(), "wangfang", "zh-CN");
        Pages pages = new Pages(driver);

        pages.viewport(1366, 900);
        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 30 位联系人"));
        assertThat(pages.fullyVisible("#contact-rows > tr.contact-row")).isGreaterThanOrEqualTo(15);
        Contact first = seeded.get(0);
        WebElement row = driver.findElement(By.id("contact-" + first.id()));
        assertThat(row.findElement(By.className("contact-mobile")).getText()).isEqualTo("+86 138****0000");
        assertThat(row.getText()).doesNotContain("13800130000", "138 0013 0000");
        assertThat(row.findElement(By.className("contact-follow-cell")).getText())
                .contains("电话", "第 0 次电话沟通报价");
        WebElement panel = driver.findElement(By.id("contact-tag-panel"));
        assertThat(panel.getDomProperty("open")).isEqualTo("false");
        assertThat(driver.findElement(By.id("contact-tag-chosen")).getText()).isEqualTo("未选择");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("contact-list-zh-1366");

        click(By.cssSelector("#contact-tag-panel > summary"));
        click(By.xpath("//div[@id='contact-tag-filter']//label[normalize-space()='行业01']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 10 位联系人"));
        assertThat(driver.findElement(By.id("contact-tag-chosen")).getText()).isEqualTo("行业01");
        screenshot("contact-list-tags-open-zh-1366");
        click(By.cssSelector("#contact-tag-panel > summary"));
        assertThat(driver.findElement(By.id("contact-tag-panel")).getDomProperty("open"))
                .isEqualTo("false");
        assertThat(driver.findElement(By.id("contact-tag-chosen")).getText()).isEqualTo("行业01");

        pages.viewport(390, 844);
        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 30 位联系人"));
        assertThat(pages.fullyVisible("#contact-rows > tr.contact-row")).isGreaterThanOrEqualTo(6);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(driver.findElement(By.id("contact-" + first.id())).getText())
                .contains(first.name(), "+86 138****0000", "第 0 次电话沟通报价");
        screenshot("contact-list-zh-390");

        driver.manage().deleteAllCookies();
        logIn(boss.orgCode(), "boss", "en");
        pages.viewport(1366, 900);
        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "30 contacts"));
        assertThat(pages.fullyVisible("#contact-rows > tr.contact-row")).isGreaterThanOrEqualTo(15);
        assertThat(driver.findElement(By.id("contact-" + first.id()))
                        .findElement(By.className("contact-mobile"))
                        .getText())
                .isEqualTo("+86 138 0013 0000");
        screenshot("contact-list-en-1366");
        pages.viewport(390, 844);
        driver.get(url("/contacts"));
        assertThat(pages.fullyVisible("#contact-rows > tr.contact-row")).isGreaterThanOrEqualTo(6);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("contact-list-en-390");
    }

    @Test
    void slashFocusesTheSearchAndTheKeyboardOpensTheContactFound() {
        seed();
        logIn(boss.orgCode(), "boss", "zh-CN");
        new Pages(driver).viewport(1366, 900);
        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 30 位联系人"));
        // A page reload would lose this mark; htmx swaps keep it.
        ((JavascriptExecutor) driver).executeScript("document.body.dataset.sameLoad = 'yes';");

        new Actions(driver).sendKeys("/").perform();
        WebElement search = driver.switchTo().activeElement();
        assertThat(search.getAttribute("id")).isEqualTo("contact-search");
        search.sendKeys("客户2");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "共 11 位联系人"));
        wait.until(d ->
                !d.findElements(By.cssSelector("#contact-rows > tr.is-active")).isEmpty());
        assertThat(driver.findElements(By.cssSelector("[role=listbox], .typeahead-menu")))
                .isEmpty();
        List<WebElement> rows = driver.findElements(By.cssSelector("#contact-rows > tr.contact-row"));
        assertThat(rows.get(0).getAttribute("class")).contains("is-active");
        assertThat(search.getAttribute("aria-activedescendant"))
                .isEqualTo(rows.get(0).getAttribute("id"));
        screenshot("contact-list-search-zh-1366");

        search.sendKeys(Keys.ARROW_DOWN);
        search.sendKeys(Keys.ARROW_DOWN);
        search.sendKeys(Keys.ARROW_UP);
        assertThat(rows.get(1).getAttribute("class")).contains("is-active");
        assertThat(rows.get(0).getAttribute("class")).doesNotContain("is-active");
        String second = rows.get(1).findElement(By.className("contact-name")).getText();
        String secondId = rows.get(1).getAttribute("id").substring("contact-".length());
        assertThat(driver.findElement(By.tagName("body")).getAttribute("data-same-load"))
                .isEqualTo("yes");
        search.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/contacts/" + secondId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-name"), second));

        driver.get(url("/contacts"));
        WebElement box = driver.findElement(By.id("contact-search"));
        box.sendKeys("abc/");
        assertThat(box.getAttribute("value")).isEqualTo("abc/");
    }

    /** 30 contacts followed by the administrator and shared with 王芳, a member who may not reveal them; 36 tags. */
    private void seed() {
        boss = newOrganization("List", "zh-CN", "老板");
        Member m = members.create(boss, new NewMember("wangfang", "王芳", null, null, "MEMBER", List.of(), PASSWORD));
        wang = members.actor(m.id()).orElseThrow();
        List<UUID> industry = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            TagGroup group = tags.createGroup(boss, "分组" + g, "#7C3AED", null, false);
            for (int t = 0; t < 9; t++) {
                UUID id = tags.createTag(boss, group.id(), "行业" + g + t, null).id();
                if (g == 0) {
                    industry.add(id);
                }
            }
        }
        for (int i = 0; i < 30; i++) {
            Map<String, @Nullable Object> body = new HashMap<>();
            body.put("name", "客户" + i + "号" + (i % 3 == 0 ? "欧阳明轩" : "李娜"));
            body.put("mobile", "+86138" + String.format("%08d", 130_000 + i));
            body.put("company", i % 2 == 0 ? "上海贸易有限公司" : "深圳电子科技股份有限公司");
            body.put("title", "采购经理");
            body.put(
                    "tagIds",
                    List.of(
                            industry.get(i % 3).toString(),
                            industry.get(3 + i % 4).toString()));
            body.put("shareUserIds", List.of(wang.memberId().toString()));
            Contact c = contacts.create(boss, body, "manual", false);
            seeded.add(c);
            if (i < 20) {
                followUps.record(boss, c.id(), "call", "第 " + i + " 次电话沟通报价，下周三拜访，带上新的报价单和样品。", null);
            }
        }
    }
}
