package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.Department;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.Member;
import io.liaison.identity.NewMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Masked details, reveal and sharing in a real browser, in Chinese: a plain member sees a contact
 * shared with them masked and cannot reveal it; a manager of the owner's department reveals it; the
 * administrator shares it through the dialog and finds the reveal in the audit log.
 */
class ContactAccessBrowserTests extends BrowserTest {

    @Autowired
    DepartmentService departments;

    @Autowired
    ContactService contacts;

    Actor boss;

    @Test
    void maskedForAMemberRevealedByAManagerAuditedForTheAdministrator() {
        boss = newOrganization("Access", "zh-CN", "老板");
        Department sales = departments.create(boss, "销售部", null, 0);
        Actor owner = member("lina", "李娜", "MEMBER", sales.id());
        Actor wang = member("wangfang", "王芳", "MEMBER");
        member("zhaoqiang", "赵强", "MANAGER", sales.id());
        member("chenjing", "陈静", "MEMBER");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "张伟");
        body.put("mobile", "+8613800138000");
        body.put("company", "上海贸易");
        body.put("emails", List.of(Map.of("address", "zhangwei@example.cn")));
        body.put("shareUserIds", List.of(wang.memberId().toString()));
        Contact contact = contacts.create(owner, body, "manual", false);
        String contactPath = "/contacts/" + contact.id();

        logIn("wangfang");
        driver.get(url(contactPath));
        assertThat(text("contact-mobile")).isEqualTo("+86 138****8000");
        assertThat(driver.findElement(By.id("contact-details")).getText()).contains("z***@example.cn", "已脱敏");
        assertThat(driver.findElements(By.id("contact-reveal"))).isEmpty();
        assertThat(driver.findElements(By.id("contact-share"))).isEmpty();
        assertThat(text("contact-access")).isEqualTo("与你共享。");
        screenshot("contact-masked-member-zh-1280");

        logIn("zhaoqiang");
        driver.get(url(contactPath));
        assertThat(text("contact-access")).isEqualTo("负责人在你管辖的部门。");
        WebElement reveal = driver.findElement(By.id("contact-reveal"));
        assertThat(reveal.getAttribute("aria-label")).isEqualTo("显示完整手机号和邮箱");
        screenshot("contact-masked-zh-1280");
        reveal.click();
        wait.until(ExpectedConditions.textToBe(By.id("contact-mobile"), "+86 138 0013 8000"));
        assertThat(driver.findElement(By.id("contact-details")).getText())
                .contains("zhangwei@example.cn", "已记入审计日志")
                .doesNotContain("****");
        screenshot("contact-revealed-zh-1280");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(contactPath));
        screenshot("contact-masked-zh-390");
        click(By.id("contact-reveal"));
        wait.until(ExpectedConditions.textToBe(By.id("contact-mobile"), "+86 138 0013 8000"));
        screenshot("contact-revealed-zh-390");
        driver.manage().window().setSize(new Dimension(1280, 900));

        logIn("boss");
        driver.get(url(contactPath));
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        // 陈静 is not listed until the picker finds her, by the initials of her name.
        driver.findElement(By.id("share-member-search")).sendKeys("cj");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#share-member-search-panel [data-answers='cj|']")));
        driver.findElement(By.id("share-member-search")).sendKeys(Keys.ENTER);
        click(By.xpath("//tr[td[normalize-space()='陈静']]//input[@name='collaboratorIds']"));
        click(By.xpath("//div[@id='share-dialog']//label[normalize-space()='销售部']"));
        screenshot("share-dialog-zh-1280");
        click(By.id("share-save"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("share-dialog")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-sharing"), "共享设置已保存"));
        assertThat(text("contact-sharing")).contains("王芳", "销售部", "协作者", "陈静");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "协作者"));

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url(contactPath));
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        screenshot("share-dialog-zh-390");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.get(url("/audit"));
        WebElement revealed = driver.findElement(By.xpath("//tr[.//span[@data-action='contact.revealed']]"));
        assertThat(revealed.getText()).contains("查看联系人完整联系方式", "赵强", "查看的字段");
        screenshot("audit-reveal-zh-1280");

        driver.get(url("/roles"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("角色与权限", "管理员", "内置", "查看完整手机号和邮箱", "手机号和邮箱脱敏显示");
        screenshot("roles-zh-1280");
        click(By.id("role-new"));
        driver.findElement(By.id("name")).sendKeys("销售组长");
        click(By.id("perm-contact.reveal"));
        click(By.id("scope-CUSTOM"));
        click(By.xpath("//div[@id='scope-departments']//label[normalize-space()='销售部']"));
        screenshot("role-form-zh-1280");
        click(By.id("role-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已创建角色“销售组长”"));
        assertThat(driver.findElement(By.id("role-list")).getText()).contains("销售组长", "指定部门", "销售部");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/roles"));
        screenshot("roles-zh-390");
        driver.get(url("/roles/new"));
        screenshot("role-form-zh-390");
    }

    private Actor member(String login, String name, String role, UUID... departmentIds) {
        Member m = members.create(boss, new NewMember(login, name, null, null, role, List.of(departmentIds), PASSWORD));
        return members.actor(m.id()).orElseThrow();
    }

    private void logIn(String login) {
        driver.manage().deleteAllCookies();
        logIn(boss.orgCode(), login, "zh-CN");
    }

    private String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }
}
