package io.liaison.push.optout;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contact opens the unsubscribe link of a push e-mail in a browser without any session,
 * unsubscribes, switches the page to English and subscribes again.
 */
class UnsubscribeBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    UnsubscribeLinks links;

    @Test
    void theContactUnsubscribesAndSubscribesAgainOnThePageOfItsLink() {
        Actor boss = newOrganization("Optout", "zh-CN", "王经理");
        Contact contact = contacts.create(boss, Map.of("name", "王芳"), "manual", false);
        String link = links.link(boss.orgId(), contact.id());
        String path = link.substring(link.indexOf("/unsubscribe/"));
        driver.manage().deleteAllCookies();

        driver.get(url(path + "?lang=zh-CN"));
        assertThat(driver.findElement(By.id("unsubscribe-who")).getText()).isEqualTo(boss.orgName() + " 发给 王芳 的通知和优惠。");
        click(By.id("unsubscribe-submit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unsubscribe-done")));
        assertThat(driver.findElement(By.id("unsubscribe-done")).getText())
                .isEqualTo("你已退订，" + boss.orgName() + " 不再向你群发消息。");
        screenshot("unsubscribe-done-zh");

        click(By.id("login-lang-en"));
        wait.until(ExpectedConditions.textToBe(By.id("subscribe-submit"), "Subscribe again"));
        click(By.id("subscribe-submit"));
        wait.until(ExpectedConditions.textToBe(By.id("unsubscribe-submit"), "Unsubscribe"));
        assertThat(jdbc.sql("SELECT count(*) FROM push_opt_out WHERE org_id = ? AND contact_id = ?")
                        .params(boss.orgId(), contact.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM push_consent_change WHERE org_id = ? AND contact_id = ?")
                        .params(boss.orgId(), contact.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }
}
