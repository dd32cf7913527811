package io.liaison.push.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.ContactService;
import io.liaison.contact.TagGroup;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import io.liaison.push.core.PushRuns;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A manager, in Chinese, composes a push to a tag: sees whom it reaches by reason while choosing it,
 * inserts a variable, sends it, and watches its page count the recipients to their end; the composer
 * and the push's page fit a phone.
 */
class PushBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Autowired
    ApplicationContext context;

    @Test
    void aManagerComposesAPushToATagSeesTheLiveCountAndFollowsItsRecipients() {
        Actor boss = newOrganization("Push", "zh-CN", "老板");
        TagGroup group = tags.createGroup(boss, "客户分级", "#1E88E5", null, false);
        UUID vip = tags.createTag(boss, group.id(), "新品关注", null).id();
        var created =
                members.create(boss, new NewMember("zhou" + suffix, "周经理", null, null, "MANAGER", List.of(), PASSWORD));
        Actor manager = members.actor(created.id()).orElseThrow();
        contact(manager, "张三", "zhang.san@customer.example", vip);
        contact(manager, "李四", null, vip);
        contact(manager, "王五", "wang.wu@customer.example", null);

        logIn(boss.orgCode(), "zhou" + suffix, "zh-CN");
        driver.get(url("/pushes"));
        assertThat(driver.findElement(By.id("push-table")).getText()).contains("还没有群发。");
        click(By.id("push-compose"));

        By tag = By.xpath("//label[normalize-space()='客户分级 / 新品关注']");
        wait.until(ExpectedConditions.elementToBeClickable(tag));
        driver.findElement(By.id("push-name")).sendKeys("十二月新品");
        click(tag);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-reach"), "1 位没有邮箱"));
        assertThat(driver.findElement(By.id("push-reach")).getText()).contains("共 2 个接收人", "1 位将收到");
        assertThat(driver.findElement(By.id("push-contacts")).isSelected())
                .as("choosing a tag sends to the contacts")
                .isTrue();

        driver.findElement(By.id("push-subject")).sendKeys("新品到了，");
        click(By.xpath("//button[@data-variable='{{name}}']"));
        driver.findElement(By.id("push-body")).sendKeys("你好，本周新品已上架。");
        assertThat(driver.findElement(By.id("push-subject")).getAttribute("value"))
                .isEqualTo("新品到了，{{name}}");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo({top: 0, behavior: 'instant'});");
        screenshot("push-composer-zh-1280");

        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("push-composer-zh-390");
        pages.viewport(1280, 900);

        click(By.id("push-send"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("push-page")));
        String push = driver.findElement(By.id("push-page")).getAttribute("data-push");
        assertThat(driver.findElement(By.id("push-live")).getText()).contains("待发送", "已完成 0 / 2");

        PushRuns.now(context, boss.orgId().toString(), push);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-live"), "已完成 2 / 2"));
        String live = driver.findElement(By.id("push-live")).getText();
        assertThat(live)
                .contains("已完成", "张三", "李四", "没有邮箱", "服务器未配置这种渠道。")
                .doesNotContain("王五", "取消群发", "channel.reason");
        screenshot("push-page-zh-1280");

        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("push-page-zh-390");

        driver.get(url("/pushes"));
        assertThat(driver.findElement(By.id("push-table")).getText()).contains("十二月新品", "已完成", "周经理");
    }

    private void contact(Actor owner, String name, @Nullable String email, @Nullable UUID tag) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("emails", email == null ? List.of() : List.of(Map.of("address", email)));
        body.put("tagIds", tag == null ? List.of() : List.of(tag.toString()));
        contacts.create(owner, body, "manual", false);
    }
}
