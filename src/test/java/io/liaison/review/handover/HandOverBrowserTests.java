package io.liaison.review.handover;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.Member;
import io.liaison.identity.NewMember;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hand-over wizard and the trash in Chromium: an administrator finds the deactivated member on the
 * list, picks who takes over, writes the message and sees it as the contacts will, confirms and
 * follows the progress to the result; the trash counts down and purges a row. Chinese at 1280 px,
 * English at 390 px, neither scrolling sideways.
 */
class HandOverBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    HandOverRunner runner;

    @Test
    void anAdministratorHandsOverADeactivatedMembersContactsInChinese() throws Exception {
        Actor boss = newOrganization("Handover", "zh-CN", "老板");
        Member leaver = member(boss, "李娜");
        member(boss, "王芳");
        contacts.create(boss, Map.of("name", "张三", "ownerId", leaver.id().toString()), "manual", false);
        contacts.create(boss, Map.of("name", "欧阳明轩", "ownerId", leaver.id().toString()), "manual", false);
        members.deactivate(boss, leaver.id());
        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.get(url("/review/hand-overs"));
        assertThat(driver.findElement(By.id("waiting-" + leaver.id())).getText())
                .contains("李娜", "已停用", "2");
        screenshot("handover-list-zh-1280");
        click(By.cssSelector("#waiting-" + leaver.id() + " a"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-holdings"), "2 位联系人"));

        driver.findElement(By.id("handover-receiver")).sendKeys("王芳");
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#handover-receiver-panel [data-answers='王芳|']")));
        driver.findElement(By.id("handover-receiver")).sendKeys(Keys.ENTER);
        click(By.id("handover-send"));
        driver.findElement(By.id("handover-message")).sendKeys("今后由王芳继续为你服务。");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-preview"), "你的新对接人：王芳"));
        screenshot("handover-wizard-zh-1280");

        click(By.id("handover-submit"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("handover-progress")));
        String path = driver.getCurrentUrl();
        UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        runner.run(boss.orgId(), id);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-status"), "已完成"));
        assertThat(driver.findElement(By.id("result-contacts")).getText()).isEqualTo("2 / 2");
        assertThat(driver.findElement(By.id("handover-left")).getText()).contains("已全部交接完毕");
        screenshot("handover-done-zh-1280");

        Contact gone = contacts.create(boss, Map.of("name", "赵六", "company", "华南贸易"), "manual", false);
        contacts.trash(boss, gone.id(), null);
        driver.get(url("/trash"));
        assertThat(driver.findElement(By.id("trashed-" + gone.id())).getText()).contains("30 天后彻底删除", "立即删除");
        assertThat(driver.findElement(By.id("trash-empty-all")).getText()).isEqualTo("清空回收站");
        screenshot("trash-zh-1280");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theWizardAndTheTrashFitAPhoneInEnglish() throws Exception {
        Actor boss = newOrganization("Handover", "en", "Boss");
        Member leaver = member(boss, "Li Na");
        contacts.create(boss, Map.of("name", "Zhang San", "ownerId", leaver.id().toString()), "manual", false);
        Contact gone = contacts.create(boss, Map.of("name", "Wang Wu", "company", "ACME Trading"), "manual", false);
        contacts.trash(boss, gone.id(), null);
        members.deactivate(boss, leaver.id());
        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/review/hand-overs"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("handover-list-en-390");
        driver.get(url("/review/hand-overs/" + leaver.id()));
        click(By.id("scope-filter"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("handover-count"), "contact chosen"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("handover-wizard-en-390");

        driver.get(url("/trash"));
        assertThat(driver.findElement(By.id("trashed-" + gone.id())).getText()).contains("purged in 30 days");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("trash-en-390");
        click(By.cssSelector("#trashed-" + gone.id() + " .trash-purge"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("trashed-" + gone.id())));
        assertThat(jdbc.sql("SELECT count(*) FROM contact WHERE id = ?")
                        .param(gone.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private Member member(Actor boss, String name) {
        String login = "m" + UUID.randomUUID().toString().substring(0, 8);
        return members.create(boss, new NewMember(login, name, null, null, "MEMBER", List.of(), "member-password-1"));
    }
}
