package io.liaison.review.web;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The merge page side by side and the recent merges with their undo, in Chinese and English, on a
 * desktop and a 390 px phone: choosing a value from the other contact, landing on the survivor with
 * an undo link, undoing; a member who only sees the contacts reads masked mobiles and is refused.
 */
class MergePagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    Contact contact(Actor boss, String name, String mobile, String company, Member shared) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("mobile", mobile);
        body.put("company", company);
        body.put("emails", List.of(Map.of("address", mobile.substring(mobile.length() - 4) + "@example.cn")));
        body.put("shareUserIds", List.of(shared.id().toString()));
        return contacts.create(boss, body, "manual", true);
    }

    @Test
    void mergeChoosingAValueThenUndoItAndAMemberWhoOnlySeesThemIsRefused() {
        Actor boss = newOrganization("Merge", "zh-CN", "老板");
        Member member =
                members.create(boss, new NewMember("wangfang", "王芳", null, null, "MEMBER", List.of(), PASSWORD));
        Contact a = contact(boss, "欧阳明轩", "+8613800138000", "深圳电子科技", member);
        Contact b = contact(boss, "欧阳明轩（旧名片）", "+8613900139000", "深圳电子科技股份有限公司", member);
        Pages pages = new Pages(driver);

        logIn(boss.orgCode(), "boss", "zh-CN");
        pages.viewport(1280, 900);
        driver.get(url("/review/merge?ids=" + a.id() + "&ids=" + b.id()));
        assertThat(driver.findElement(By.cssSelector("#review-tabs .active")).getText())
                .isEqualTo("重复联系人");
        assertThat(driver.findElement(By.id("row-company")).getText()).contains("深圳电子科技股份有限公司");
        assertThat(driver.findElement(By.id("united-phones")).getText()).contains("+8613900139000");
        assertThat(driver.findElement(By.id("united-emails")).getText()).contains("8000@example.cn", "9000@example.cn");
        screenshot("review-merge-zh-1280");
        click(By.id("choose-company-1"));
        click(By.id("merge-submit"));
        wait.until(ExpectedConditions.urlContains("/contacts/" + a.id()));
        assertThat(driver.findElement(By.id("notice")).getText()).contains("已合并到 欧阳明轩", "撤销");
        assertThat(driver.findElement(By.id("contact-company")).getText()).isEqualTo("深圳电子科技股份有限公司");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("老板 把 欧阳明轩（旧名片） 合并到了这位联系人");
        screenshot("review-merged-contact-zh-1280");

        pages.viewport(390, 844);
        click(By.id("notice-link"));
        wait.until(ExpectedConditions.urlContains("/review/merges"));
        assertThat(driver.findElement(By.id("merges-table")).getText()).contains("欧阳明轩（旧名片）", "截至", "还剩 29 天");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("review-merges-zh-390");
        click(By.cssSelector("button.merge-undo"));
        driver.switchTo().alert().accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已撤销合并到 欧阳明轩"));
        assertThat(driver.findElement(By.id("merges-table")).getText()).contains("老板 已撤销");
        screenshot("review-merges-undone-zh-390");

        driver.manage().deleteAllCookies();
        logIn(boss.orgCode(), "wangfang", "en");
        driver.get(url("/review/merge?ids=" + a.id() + "&ids=" + b.id()));
        assertThat(driver.findElement(By.id("row-mobile")).getText()).contains("138****8000", "139****9000");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("review-merge-masked-en-390");
        click(By.id("merge-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("merge-failure")));
        assertThat(driver.findElement(By.id("merge-failure")).getText()).contains("Not allowed");
        pages.viewport(1280, 900);
        screenshot("review-merge-refused-en-1280");
        driver.get(url("/review/merges"));
        assertThat(driver.findElement(By.id("merges-table")).getText()).contains("Undone by 老板");
        screenshot("review-merges-en-1280");
    }
}
