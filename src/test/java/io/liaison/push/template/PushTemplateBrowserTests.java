package io.liaison.push.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.ContactService;
import io.liaison.contact.field.CustomFieldService;
import io.liaison.contact.field.CustomFieldService.NewCustomField;
import io.liaison.identity.Actor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager writes a template in Chinese: the picker's buttons insert variables at the cursor, the
 * preview follows the typing and, once a contact is found by search, shows that contact's values;
 * the page fits a phone, and the saved template joins the list.
 */
class PushTemplateBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    CustomFieldService fields;

    @Test
    void aManagerInsertsVariablesAndPreviewsThemForAContact() {
        Actor boss = newOrganization("Templates", "zh-CN", "王经理");
        fields.create(boss, new NewCustomField("industry", "行业", "text", List.of(), false, null));
        Map<String, @Nullable Object> zhang = new HashMap<>();
        zhang.put("name", "张三");
        zhang.put("company", "星辰科技");
        zhang.put("customFields", Map.of("industry", "零售"));
        contacts.create(boss, zhang, "manual", true);

        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/push/templates"));
        driver.findElement(By.id("template-name")).sendKeys("新品发布");
        driver.findElement(By.id("template-subject")).sendKeys("新品上市");
        driver.findElement(By.id("template-body")).sendKeys("你好 ");
        click(By.xpath("//div[@id='template-variables']/button[normalize-space()='姓名']"));
        driver.findElement(By.id("template-body")).sendKeys("，来自 ");
        click(By.xpath("//div[@id='template-variables']/button[normalize-space()='行业']"));
        assertThat(driver.findElement(By.id("template-body")).getAttribute("value"))
                .isEqualTo("你好 {{name}}，来自 {{field.industry}}");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"), "你好 ，来自"));

        driver.findElement(By.id("preview-search")).sendKeys("张三");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#preview-found .preview-contact")));
        click(By.cssSelector("#preview-found .preview-contact"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-body"), "你好 张三，来自 零售"));
        assertThat(driver.findElement(By.id("preview-contact-name")).getText()).isEqualTo("张三");
        screenshot("push-templates-zh");

        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("push-templates-zh-390");

        click(By.cssSelector("#template-form button[type=submit]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("template-panel"), "已创建模板“新品发布”。"));
        assertThat(driver.findElement(By.id("template-table")).getText()).contains("新品发布", "新品上市", "王经理");
        assertThat(driver.findElement(By.id("template-name")).getAttribute("value"))
                .isEmpty();
    }
}
