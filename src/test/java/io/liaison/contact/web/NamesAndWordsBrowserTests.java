package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.ContactService;
import io.liaison.contact.Tag;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.MemberService;
import io.liaison.identity.NewMember;
import io.liaison.shared.MergePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A sales team's first hour in Chinese, then a look at what the contact's timeline and the audit log
 * say about it: people, tags and the contact by the names they had at the time, every word in
 * Chinese, no id anywhere; the scan reads the rendered text as the browser shows it.
 */
class NamesAndWordsBrowserTests extends BrowserTest {

    static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern EMAIL = Pattern.compile("[\\w.+*-]+@[\\w-]+(\\.[\\w-]+)+");
    /** A run of ASCII letters: an English word, a code, a field name. An address may be masked (z***@example.cn). */
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Autowired
    MemberService memberService;

    @Test
    void theChineseTimelineAndAuditLogNameEverythingInWords() {
        Actor boss = newOrganization("Names", "zh-CN", "王总");
        Member colleague = memberService.create(
                boss, new NewMember("li-" + suffix, "李娜", null, null, "MEMBER", List.of(), "member-password-1"));
        String orgName = organizations.get(boss.orgId()).name();
        String orgCode = organizations.get(boss.orgId()).code();
        logIn(orgCode, "boss", "zh-CN");

        driver.get(url("/contacts/new"));
        driver.findElement(By.id("name")).sendKeys("张伟");
        driver.findElement(By.id("mobile")).sendKeys("13800138000");
        driver.findElement(By.id("email")).sendKeys("zhangwei@example.cn");
        driver.findElement(By.id("company")).sendKeys("上海贸易");
        click(By.xpath("//div[@id='contact-form-tags']//label[normalize-space()='客户']"));
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-name"), "张伟"));
        String contactPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        UUID contactId = UUID.fromString(contactPath.substring("/contacts/".length()));

        driver.get(url(contactPath + "/edit"));
        replace(By.id("mobile"), "13900139000");
        replace(By.id("email"), "wei.zhang@example.cn");
        replace(By.id("remark"), "展会上认识");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-details"), "展会上认识"));

        click(By.cssSelector("#contact-tags-edit summary"));
        click(By.xpath("//form[@id='contact-tags-form']//label[normalize-space()='重要']"));
        click(By.xpath("//form[@id='contact-tags-form']//label[normalize-space()='客户']"));
        click(By.id("contact-tags-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-tag-chips"), "重要"));

        contacts.update(
                boss, contactId, Map.of("shareUserIds", List.of(colleague.id().toString())), null, false);
        contacts.update(boss, contactId, Map.of("ownerId", colleague.id().toString()), null, false);

        driver.get(url(contactPath));
        new Select(driver.findElement(By.id("follow-up-type"))).selectByValue("call");
        driver.findElement(By.id("follow-up-content")).sendKeys("电话沟通报价");
        click(By.id("follow-up-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "电话沟通报价"));

        click(By.id("contact-trash"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlToBe(url("/contacts")));
        driver.get(url("/trash"));
        WebElement row = driver.findElement(By.xpath("//tr[.//div[normalize-space()='张伟']]"));
        row.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.stalenessOf(row));

        memberService.update(
                boss, colleague.id(), new MergePatch(Map.of("displayName", "李娜娜"), MemberService.PATCHABLE), null);
        Tag important = tags.list(boss).stream()
                .flatMap(g -> g.tags().stream())
                .filter(t -> t.name().equals("重要"))
                .findFirst()
                .orElseThrow();
        tags.updateTag(boss, important.id(), Map.of("name", "核心"), null);

        driver.get(url(contactPath));
        String timeline = driver.findElement(By.id("timeline")).getText();
        assertThat(timeline)
                .contains("王总 添加了联系人。", "王总 将联系人从 王总 转交给 李娜。", "王总 添加了标签 重要，移除了标签 客户。")
                .contains("手机：+86 138****8000 → +86 139****9000", "邮箱：z***@example.cn → w***@example.cn")
                .contains("备注：（空） → 展会上认识", "共享给成员：（空） → 李娜")
                .contains("王总 记录了一条跟进：电话。", "电话沟通报价", "移入回收站", "从回收站恢复了联系人");
        assertReadsInChinese(timeline, Set.of("Liaison"));
        screenshot("names-contact-zh-1280");

        driver.get(url("/audit"));
        String audit = driver.findElement(By.tagName("main")).getText();
        assertThat(audit)
                .contains("张伟", "李娜", "重要", "客户", "备注：（空） → 展会上认识", "负责人：王总 → 李娜")
                .contains("移交联系人", "修改联系人标签", "新增跟进记录", "联系人移入回收站", "恢复联系人");
        // The organization's name and code and the logins are what the test typed.
        assertReadsInChinese(audit, Set.of("API", orgName, orgCode, "li-" + suffix, "boss"));
        screenshot("names-audit-zh-1280");

        driver.findElement(By.id("audit-target")).sendKeys("张伟");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//tbody[@id='audit-rows']//td[normalize-space()='成员']")));
        wait.until(d -> !d.findElement(By.id("audit-rows")).getText().contains("新建标签"));
        assertThat(driver.findElement(By.id("audit-rows")).getText()).contains("新建联系人", "恢复联系人");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(contactPath));
        scrollTo(By.id("timeline"));
        screenshot("names-contact-zh-390");
        driver.get(url("/audit"));
        screenshot("names-audit-zh-390");

        driver.manage().window().setSize(new Dimension(1280, 900));
        memberService.update(
                boss, boss.memberId(), new MergePatch(Map.of("locale", "en"), MemberService.PATCHABLE), null);
        driver.get(url(contactPath));
        String english = driver.findElement(By.id("timeline")).getText();
        assertThat(english).contains("王总 handed the contact from 王总 to 李娜.", "Remark: (empty) → 展会上认识");
        scrollTo(By.id("timeline"));
        screenshot("names-contact-en-1280");
        driver.get(url("/audit"));
        screenshot("names-audit-en-1280");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(contactPath));
        scrollTo(By.id("timeline"));
        screenshot("names-contact-en-390");
        driver.get(url("/audit"));
        screenshot("names-audit-en-390");
    }

    /**
     * No id and no English: every run of ASCII letters is an e-mail address or one of {@code allowed}
     * (brand names, the organization and logins the test typed).
     */
    private static void assertReadsInChinese(String text, Set<String> allowed) {
        assertThat(UUID_TEXT.matcher(text).find()).as("an id in %s", text).isFalse();
        String withoutAddresses = EMAIL.matcher(text).replaceAll(" ");
        for (String typed : allowed) {
            withoutAddresses = withoutAddresses.replace(typed, " ");
        }
        List<String> english = new ArrayList<>();
        Matcher m = WORD.matcher(withoutAddresses);
        while (m.find()) {
            english.add(m.group());
        }
        assertThat(english).as("English words in the Chinese text %s", text).isEmpty();
    }

    private void replace(By field, String value) {
        WebElement input = driver.findElement(field);
        input.clear();
        input.sendKeys(value);
    }

    private void scrollTo(By locator) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});",
                        driver.findElement(locator));
    }
}
