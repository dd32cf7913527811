package io.liaison.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.channel.Deliveries;
import io.liaison.channel.DeliveryOrigin;
import io.liaison.channel.Destination;
import io.liaison.channel.OutboundMessage;
import io.liaison.channel.config.ChannelService;
import io.liaison.channel.delivery.Drain;
import io.liaison.channel.send.RobotReceiver;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import io.liaison.notify.NewNotification;
import io.liaison.notify.Notifications;
import io.liaison.shared.Message;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An administrator sets up a DingTalk robot from the page, in Chinese, and reads the robot's own
 * answer to a test; the delivery log shows a refused message with DingTalk's words and sends it
 * again; both pages and the notification pages fit a phone; a member in English reaches their own
 * robots from the notification preferences and sees only those.
 */
@TestPropertySource(properties = "liaison.channel.outbound-allowed-hosts=127.0.0.1")
class ChannelBrowserTests extends BrowserTest {

    @Autowired
    ChannelService channels;

    @Autowired
    Deliveries deliveries;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    @Test
    void anAdministratorSetsUpARobotTestsItAndReadsItsLog() {
        try (RobotReceiver robot = ChannelPagesIntegrationTests.dingTalk()) {
            Actor boss = newOrganization("Robots", "zh-CN", "老板");
            logIn(boss.orgCode(), "boss", "zh-CN");
            driver.get(url("/channels"));
            assertThat(driver.findElement(By.id("no-smtp")).getText()).contains("本服务器未配置邮件");

            driver.findElement(By.id("new-name")).sendKeys("销售群机器人");
            new Select(driver.findElement(By.id("new-kind"))).selectByVisibleText("钉钉机器人");
            driver.findElement(By.id("new-url")).sendKeys(robot.url("/robot/send?access_token=t-" + suffix));
            driver.findElement(By.id("new-secret")).sendKeys(ChannelPagesIntegrationTests.SECRET);
            click(By.cssSelector("#channel-create button[type=submit]"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-panel"), "已创建渠道“销售群机器人”。"));
            assertThat(driver.getPageSource()).doesNotContain(ChannelPagesIntegrationTests.SECRET, "t-" + suffix);

            click(By.cssSelector("#shared-channels .channel-test"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("test-answer")));
            String answer = driver.findElement(By.id("test-answer")).getText();
            assertThat(answer).contains("测试消息已送达“销售群机器人”", "平台的应答", "\"errcode\":0");
            assertThat(robot.received).hasSize(1);
            screenshot("channels-zh");

            UUID refused = transaction
                    .execute(s -> channels.create(
                            boss,
                            "旧机器人",
                            "dingtalk",
                            robot.url("/robot/send?access_token=old"),
                            "SECstale",
                            true,
                            false))
                    .id();
            List<UUID> queued = transaction.execute(s -> deliveries.queue(
                    boss.orgId(),
                    Destination.channel(refused),
                    OutboundMessage.of("客户张三的跟进提醒", "请今天联系张三"),
                    new DeliveryOrigin("test", null, true),
                    null));
            Drain.now(context);

            driver.get(url("/channels"));
            click(By.xpath("//tr[.//span[normalize-space()='旧机器人']]//a[normalize-space()='发送记录']"));
            WebElement row =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery-" + queued.get(0))));
            assertThat(row.getText()).contains("客户张三的跟进提醒", "失败", "尝试 1 次", "sign not match");
            row.findElement(By.tagName("summary")).click();
            assertThat(row.findElement(By.className("delivery-request")).getText())
                    .contains("access_token=***")
                    .doesNotContain("access_token=old");
            screenshot("deliveries-zh");

            Pages pages = new Pages(driver);
            pages.viewport(390, 844);
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            WebElement retry = row.findElement(By.className("delivery-retry"));
            assertThat(pages.readable(retry)).as("the retry button on a phone").isTrue();
            assertThat(pages.readable(row.findElement(By.className("delivery-reason"))))
                    .isTrue();
            screenshot("deliveries-zh-390");
            click(By.cssSelector("#delivery-" + queued.get(0) + " .delivery-retry"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-" + queued.get(0)), "排队中"));

            driver.get(url("/channels"));
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            WebElement channel = driver.findElement(By.xpath("//tr[.//span[normalize-space()='销售群机器人']]"));
            assertThat(pages.readable(channel.findElement(By.className("channel-test"))))
                    .isTrue();
            screenshot("channels-zh-390");

            transaction.executeWithoutResult(s -> notifications.raise(new NewNotification(
                    boss.orgId(),
                    boss.memberId(),
                    "channel-failing",
                    Message.of("notify.channel-failing.title", "华南大区重点客户跟进群机器人"),
                    Message.of("notify.channel-failing.body", 5),
                    "/deliveries?channel=" + refused + "&state=failed")));
            for (String page : List.of("/notifications", "/notifications/preferences")) {
                driver.get(url(page));
                assertThat(pages.overflows())
                        .as(page + ": " + pages.overflowReport())
                        .isFalse();
                screenshot("notify" + page.replace("/notifications", "").replace('/', '-') + "-zh-390");
            }
        }
    }

    @Test
    void aMemberSeesOnlyTheirOwnRobotsInEnglish() {
        Actor boss = newOrganization("OwnRobots", "en", "Boss");
        transaction.executeWithoutResult(s -> channels.create(
                boss,
                "Company CRM",
                "dingtalk",
                "https://oapi.dingtalk.com/robot/send?access_token=c",
                null,
                true,
                false));
        members.create(boss, new NewMember("lin" + suffix, "Lin Wei", null, null, "MEMBER", List.of(), PASSWORD));
        logIn(boss.orgCode(), "lin" + suffix, "en");
        driver.get(url("/notifications/preferences"));
        click(By.id("manage-robots"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("my-robots")));
        assertThat(driver.findElements(By.id("shared-channels"))).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Company CRM");

        driver.findElement(By.id("new-name")).sendKeys("My Feishu bot");
        new Select(driver.findElement(By.id("new-kind"))).selectByVisibleText("Feishu / Lark bot");
        driver.findElement(By.id("new-url")).sendKeys("https://open.feishu.cn/open-apis/bot/v2/hook/" + suffix);
        click(By.cssSelector("#channel-create button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("my-robots"), "My Feishu bot"));
        assertThat(driver.findElement(By.id("my-robots")).getText())
                .contains("Feishu / Lark bot", "https://open.feishu.cn/open-apis/bot/v2/hook/" + suffix);
        screenshot("channels-en-member");
    }
}
