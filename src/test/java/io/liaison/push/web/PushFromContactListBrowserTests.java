package io.liaison.push.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.ContactService;
import io.liaison.contact.TagGroup;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager filters the contact list by a tag, pushes to these contacts: the composer opens with the
 * tag as its audience and counts it, and previews the message for each contact it will reach.
 */
class PushFromContactListBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Test
    void aManagerPushesToTheFilteredContactListAndPreviewsTheMessageForOneOfThem() {
        Actor boss = newOrganization("PushList", "zh-CN", "老板");
        TagGroup group = tags.createGroup(boss, "客户分级", "#1E88E5", null, false);
        UUID vip = tags.createTag(boss, group.id(), "新品关注", null).id();
        var created =
                members.create(boss, new NewMember("qian" + suffix, "钱经理", null, null, "MANAGER", List.of(), PASSWORD));
        Actor manager = members.actor(created.id()).orElseThrow();
        contact(manager, "张三", "zhang.san@customer.example", vip);
        contact(manager, "赵六", "zhao.liu@customer.example", vip);
        contact(manager, "王五", "wang.wu@customer.example", null);

        logIn(boss.orgCode(), "qian" + suffix, "zh-CN");
        driver.get(url("/contacts?tagId=" + vip));
        assertThat(driver.findElement(By.id("contact-results")).getText())
                .contains("张三", "赵六")
                .doesNotContain("王五");
        click(By.id("contact-push"));

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-reach"), "2 位将收到"));
        assertThat(driver.findElement(By.id("push-from-list")).getText()).contains("联系人列表筛选");
        assertThat(driver.findElement(By.id("push-tag-" + vip)).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("push-all-tags")).isSelected())
                .as("the list's default")
                .isTrue();

        driver.findElement(By.id("push-subject")).sendKeys("{{name}}，新品到了");
        driver.findElement(By.id("push-body")).sendKeys("你好，**{{name}}**！");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-preview-subject"), "新品到了"));
        Select contact = new Select(driver.findElement(By.id("push-preview-contact")));
        assertThat(contact.getOptions()).extracting(o -> o.getText()).containsExactlyInAnyOrder("张三", "赵六");
        contact.selectByVisibleText("赵六");
        assertThat(driver.findElement(By.id("push-preview-subject")).getText()).isEqualTo("赵六，新品到了");
        assertThat(driver.findElement(By.cssSelector("#push-preview-html strong"))
                        .getText())
                .isEqualTo("赵六");
        assertThat(driver.findElement(By.id("push-preview-markdown")).getText()).isEqualTo("你好，**赵六**！");
        assertThat(driver.findElement(By.id("push-preview-note")).getText()).isEqualTo("2 个接收人会收到");
        screenshot("push-composer-from-list-zh-1280");
    }

    private void contact(Actor owner, String name, @Nullable String email, @Nullable UUID tag) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("emails", email == null ? List.of() : List.of(Map.of("address", email)));
        body.put("tagIds", tag == null ? List.of() : List.of(tag.toString()));
        contacts.create(owner, body, "manual", false);
    }
}
