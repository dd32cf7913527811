package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * On a 390 px phone, in Chinese: the contact page's cadence form sets a cadence and says the contact
 * is overdue, and the due list shows the contact, without a sideways scroll.
 */
class CadencePhoneBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Test
    void aMemberSetsACadenceOnAPhoneAndFindsTheContactDue() throws Exception {
        Actor boss = newOrganization("Cadence", "zh-CN", "老板");
        Contact contact = contacts.create(boss, Map.of("name", "欧阳明轩", "company", "华南贸易有限公司"), "manual", false);
        jdbc.sql("UPDATE contact SET created_at = now() - interval '20 days' WHERE id = ?")
                .param(contact.id())
                .update();
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/contacts/" + contact.id()));
        WebElement days = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-cadence-days")));
        days.sendKeys("14");
        click(By.id("contact-cadence-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-cadence-next"), "逾期"));
        assertThat(driver.findElement(By.id("contact-cadence-rule")).getText()).isEqualTo("每 14 天");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(driver.findElement(By.id("contact-cadence-save"))))
                .isTrue();
        screenshot("cadence-contact-zh-390");

        driver.get(url("/cadences/due"));
        WebElement row = driver.findElement(By.id("due-" + contact.id()));
        assertThat(row.getText()).contains("欧阳明轩", "每 14 天", "老板");
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(pages.readable(row.findElement(By.tagName("a")))).isTrue();
        screenshot("cadence-due-zh-390");
    }
}
