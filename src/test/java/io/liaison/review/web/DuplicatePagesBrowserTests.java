package io.liaison.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.review.duplicate.DuplicateDetection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member opens the duplicates tab in Chinese: an exact pair (one number written two ways) and a
 * likely one (a homophone at the same company) side by side with their evidence in words, the merge
 * link naming both contacts; "not a duplicate" removes the card for good. In English at phone width.
 */
class DuplicatePagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    DuplicateDetection detection;

    @Test
    void aMemberReadsThePairsSideBySideAndSaysOneIsNotADuplicate() {
        Actor boss = newOrganization("Dupes", "zh-CN", "老板");
        contact(boss, "张伟", "13800138000", "华为技术有限公司");
        contact(boss, "张伟", "+86 138 0013 8000", null);
        contact(boss, "章伟", "13900001111", "华为技术");
        detection.run(boss.orgId());

        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/review/duplicates"));
        List<WebElement> cards = driver.findElements(By.className("duplicate"));
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).getText())
                .contains("重复：电话号码相同（匹配度 95）", "电话号码相同：+86 138 0013 8000", "跟进人：老板", "合并", "不是重复");
        assertThat(cards.get(1).getText()).contains("疑似重复（匹配度 75）", "姓名拼音相同（zhangwei）", "公司相同：华为技术有限公司");
        assertThat(cards.get(0).findElement(By.className("duplicate-merge")).getAttribute("href"))
                .contains("/review/merge?ids=")
                .contains("&ids=");
        assertThat(driver.findElement(By.id("recent-merges")).getAttribute("href"))
                .endsWith("/review/merges");
        assertThat(driver.findElement(By.cssSelector("#review-tabs .active")).getText())
                .isEqualTo("重复联系人");
        screenshot("duplicates-zh");

        String dismissed = cards.get(1).getAttribute("id");
        cards.get(1).findElement(By.className("duplicate-dismiss")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(dismissed)));
        assertThat(driver.findElements(By.className("duplicate"))).hasSize(1);
        detection.run(boss.orgId());
        driver.navigate().refresh();
        assertThat(driver.findElements(By.className("duplicate")))
                .as("still gone after the next run")
                .hasSize(1);

        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        driver.navigate().refresh();
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.className("duplicate-dismiss"))))
                .isTrue();
        screenshot("duplicates-zh-390");
    }

    @Test
    void thePageSpeaksEnglishAndFitsAPhone() {
        Actor boss = newOrganization("DupesEn", "en", "Boss");
        contact(boss, "John Smith", "13800138000", "Acme Co., Ltd.");
        contact(boss, "Jon Smith", "13700137000", "ACME");
        contact(boss, "Mary Jones", "13600136000", "Initech");
        contact(boss, "Mary Jones", "13500135000", "Globex");
        detection.run(boss.orgId());

        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        driver.get(url("/review/duplicates"));
        List<WebElement> cards = driver.findElements(By.className("duplicate"));
        assertThat(cards).as("namesakes at different companies are no pair").hasSize(1);
        assertThat(cards.get(0).getText())
                .contains(
                        "Probably a duplicate (score 60)",
                        "Names one character apart: John Smith / Jon Smith",
                        "Same company Acme Co., Ltd.",
                        "Followed by Boss",
                        "Not a duplicate");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("duplicates-en-390");
    }

    private void contact(Actor actor, String name, String mobile, String company) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        body.put("mobile", mobile);
        body.put("ownerId", actor.memberId().toString());
        if (company != null) {
            body.put("company", company);
        }
        contacts.create(actor, body, "manual", true);
    }
}
