package io.liaison.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.channel.delivery.Drain;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An administrator sets up a webhook from the settings page in Chinese: the secret is shown once,
 * a contact's creation arrives at the receiver and stands in the endpoint's delivery log, which
 * sends it again; the pages fit a phone. The same pages in English.
 */
class WebhookPagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    WebhookDispatch dispatch;

    @Autowired
    ApplicationContext context;

    @Test
    void anAdministratorCreatesAWebhookReadsItsLogAndSendsADeliveryAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Actor boss = newOrganization("Hooks", "zh-CN", "老板");
            logIn(boss.orgCode(), "boss", "zh-CN");
            driver.get(url("/integrations/webhooks"));
            assertThat(driver.findElement(By.id("webhook-table")).getText()).contains("还没有 Webhook。");

            driver.findElement(By.id("webhook-url")).sendKeys(receiver.url());
            driver.findElement(By.id("webhook-description")).sendKeys("CRM 同步");
            click(By.cssSelector("#webhook-create button[type=submit]"));
            WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret")));
            assertThat(secret.getText()).contains("请立即复制签名密钥", "whsec_");
            assertThat(driver.findElement(By.id("webhook-table")).getText()).contains("CRM 同步", "已启用");
            Pages pages = new Pages(driver);
            screenshot("webhooks-zh");

            contacts.create(
                    boss, Map.of("name", "张三", "ownerId", boss.memberId().toString()), "manual", false);
            dispatch.round();
            Drain.now(context);
            assertThat(receiver.accepted()).hasSize(1);

            driver.get(url("/integrations/webhooks"));
            click(By.className("webhook-url"));
            WebElement row =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("webhook-delivery")));
            assertThat(row.getText()).contains("已送达", "尝试 1 次");
            row.findElement(By.tagName("summary")).click();
            assertThat(row.findElement(By.className("delivery-request")).getText())
                    .contains("contact.created", "张三");
            screenshot("webhook-zh");

            click(By.className("webhook-redeliver"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("endpoint-panel"), "已重新排队发送。"));
            Drain.now(context);
            assertThat(receiver.accepted()).hasSize(2);
            assertThat(receiver.accepted().get(1).id())
                    .isEqualTo(receiver.accepted().get(0).id());

            pages.viewport(390, 844);
            driver.get(url("/integrations/webhooks/" + endpointOf(boss)));
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            assertThat(pages.readable(driver.findElement(By.className("webhook-redeliver"))))
                    .isTrue();
            screenshot("webhook-zh-390");
            driver.get(url("/integrations/webhooks"));
            assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
            screenshot("webhooks-zh-390");
        }
    }

    @Test
    void thePagesSpeakEnglishAndFitAPhone() {
        Actor boss = newOrganization("HooksEn", "en", "Boss");
        logIn(boss.orgCode(), "boss", "en");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        driver.get(url("/integrations/webhooks"));
        driver.findElement(By.id("webhook-url")).sendKeys("https://crm.example.com/hooks/liaison");
        click(By.cssSelector("#webhook-create button[type=submit]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret")));
        assertThat(driver.findElement(By.id("webhook-panel")).getText())
                .contains("Copy the signing secret now", "https://crm.example.com/hooks/liaison", "On");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("webhooks-en-390");

        click(By.className("webhook-url"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-rotate")));
        click(By.id("webhook-rotate"));
        driver.switchTo().alert().accept();
        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("webhook-secret")));
        assertThat(secret.getText()).contains("The previous secret signs as well until");
        assertThat(driver.findElement(By.id("webhook-log")).getText()).contains("Nothing sent yet.");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("webhook-en-390");
    }

    private String endpointOf(Actor boss) {
        return jdbc.sql("SELECT id::text FROM webhook_endpoint WHERE org_id = ?")
                .param(boss.orgId())
                .query(String.class)
                .single();
    }
}
