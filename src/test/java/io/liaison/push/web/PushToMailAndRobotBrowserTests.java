package io.liaison.push.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.GreenMailSmtp;
import io.liaison.channel.send.RobotReceiver;
import io.liaison.contact.ContactService;
import io.liaison.contact.TagGroup;
import io.liaison.contact.tag.TagService;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import io.liaison.push.core.PushRuns;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A manager, in Chinese and in English, composes a push to a tag, previews it as one contact will read it, sends it
 * to the contacts' e-mail (GreenMail, a real SMTP server) and to the company's WeCom robot (a local
 * receiver), and watches the push's page count every recipient to its end: each contact got their own
 * mail, the robot the Markdown rendered without a contact. The composer and the push page fit a phone.
 */
@TestPropertySource(properties = "liaison.channel.outbound-allowed-hosts=127.0.0.1")
class PushToMailAndRobotBrowserTests extends BrowserTest {

    static final int PORT = GreenMailSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailSmtp.server(PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        GreenMailSmtp.settings(registry, PORT);
    }

    @Autowired
    ContactService contacts;

    @Autowired
    TagService tags;

    @Autowired
    ChannelService channels;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    /** What the pages say, in one language. */
    record Words(
            String lang,
            String reach,
            String willReceive,
            String groups,
            String none,
            String sending,
            String ended,
            String sent,
            String cancel) {}

    static final Words CHINESE = new Words(
            "zh-CN", "共 3 个接收人", "2 位将收到", "客户群和机器人看到的样子", "已完成 0 / 3", "发送中 3", "已完成 3 / 3", "已发送 3", "取消群发");

    static final Words ENGLISH = new Words(
            "en",
            "3 recipients",
            "2 will be sent",
            "As customer groups and robots read it",
            "0 of 3 done",
            "Sending 3",
            "3 of 3 done",
            "Sent 3",
            "Cancel the push");

    @Test
    void aManagerPreviewsAndSendsAPushToMailAndARobotAndWatchesItEndInChinese() throws Exception {
        composeSendAndWatch(CHINESE);
    }

    @Test
    void theSameInEnglish() throws Exception {
        composeSendAndWatch(ENGLISH);
    }

    private void composeSendAndWatch(Words words) throws Exception {
        Actor boss = newOrganization("PushMail", words.lang(), "老板");
        TagGroup group = tags.createGroup(boss, "客户分级", "#1E88E5", null, false);
        UUID vip = tags.createTag(boss, group.id(), "新品关注", null).id();
        var created =
                members.create(boss, new NewMember("zhou" + suffix, "周经理", null, null, "MANAGER", List.of(), PASSWORD));
        Actor manager = members.actor(created.id()).orElseThrow();
        contact(manager, "张三", "zhang.san@customer.example", "星辰科技", vip);
        contact(manager, "李四", "li.si@customer.example", null, vip);

        try (RobotReceiver wecom = new RobotReceiver(request -> "{\"errcode\":0,\"errmsg\":\"ok\"}")) {
            transaction.executeWithoutResult(s -> channels.create(
                    boss, "客户通知机器人", "wecom", wecom.url("/cgi-bin/webhook/send?key=k1"), null, true, false));

            logIn(boss.orgCode(), "zhou" + suffix, words.lang());
            driver.get(url("/pushes/new"));
            By tag = By.xpath("//label[normalize-space()='客户分级 / 新品关注']");
            By robot = By.xpath("//label[normalize-space()='客户通知机器人']");
            wait.until(ExpectedConditions.elementToBeClickable(tag));
            driver.findElement(By.id("push-name")).sendKeys("十二月新品");
            click(tag);
            click(robot);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-reach"), words.reach()));
            assertThat(driver.findElement(By.id("push-reach")).getText()).contains(words.willReceive());

            driver.findElement(By.id("push-subject")).sendKeys("{{name}}，新品到了");
            driver.findElement(By.id("push-body")).sendKeys("{{name|各位}}你好，**{{company|贵公司}}**专享八折。");
            By groups = By.cssSelector("#push-preview-contact option[value='groups']");
            wait.until(ExpectedConditions.presenceOfElementLocated(groups));
            new Select(driver.findElement(By.id("push-preview-contact"))).selectByValue("groups");
            assertThat(driver.findElement(By.cssSelector("#push-preview-contact option[value='groups']"))
                            .getText())
                    .isEqualTo(words.groups());
            assertThat(driver.findElement(By.id("push-preview-markdown")).getText())
                    .as("what the robot reads: every variable its fallback")
                    .isEqualTo("各位你好，**贵公司**专享八折。");

            driver.findElement(By.id("preview-search")).sendKeys("张三");
            By found = By.cssSelector("#preview-found [data-contact-name='张三']");
            wait.until(ExpectedConditions.elementToBeClickable(found));
            click(found);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-preview-subject"), "张三，新品到了"));
            assertThat(driver.findElement(By.id("push-preview-html")).getText()).isEqualTo("张三你好，星辰科技专享八折。");
            assertThat(driver.findElement(By.cssSelector("#push-preview-html strong"))
                            .getText())
                    .isEqualTo("星辰科技");
            assertThat(new Select(driver.findElement(By.id("push-preview-contact")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("张三");

            Pages pages = new Pages(driver);
            pages.viewport(390, 844);
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            ((JavascriptExecutor) driver).executeScript("document.getElementById('push-preview').scrollIntoView();");
            screenshot("push-composer-preview-" + words.lang() + "-390");
            pages.viewport(1280, 900);

            click(By.id("push-send"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("push-page")));
            String push = driver.findElement(By.id("push-page")).getAttribute("data-push");
            assertThat(driver.findElement(By.id("push-live")).getText()).contains(words.none());

            PushRuns.now(context, boss.orgId().toString(), push);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-live"), words.sending()));
            Drain.now(context);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("push-live"), words.ended()));
            String live = driver.findElement(By.id("push-live")).getText();
            assertThat(live)
                    .contains(words.sent(), "张三", "李四", "客户通知机器人")
                    .doesNotContain(words.sending(), words.cancel(), "push.");

            assertThat(wecom.received).hasSize(1);
            assertThat(wecom.received.get(0).body()).contains("各位你好，**贵公司**专享八折。");
            Map<String, String> subjects = new HashMap<>();
            for (MimeMessage mail : greenMail.getReceivedMessages()) {
                subjects.put(mail.getAllRecipients()[0].toString(), mail.getSubject());
            }
            assertThat(subjects)
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "zhang.san@customer.example", "张三，新品到了",
                            "li.si@customer.example", "李四，新品到了"));
            screenshot("push-page-sent-" + words.lang() + "-1280");

            pages.viewport(390, 844);
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            screenshot("push-page-sent-" + words.lang() + "-390");
        }
    }

    private void contact(Actor owner, String name, String email, @Nullable String company, UUID tag) {
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", name);
        body.put("company", company);
        body.put("emails", List.of(Map.of("address", email)));
        body.put("tagIds", List.of(tag.toString()));
        contacts.create(owner, body, "manual", false);
    }
}
