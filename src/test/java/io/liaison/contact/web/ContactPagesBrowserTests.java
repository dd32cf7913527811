package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A contact's life in a real browser (headless Chromium with the system chromedriver, as the identity
 * pages' browser tests): created through the form with a tag, found by search and by its tag, its tags
 * edited, edited (once across another member's
 * change), followed up, trashed and restored.
 */
class ContactPagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    Actor boss;

    @Test
    void aContactFromCreationToTrashAndBack() throws IOException {
        logInToANewOrganization();
        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-empty")));

        driver.findElement(By.id("contact-new")).click();
        driver.findElement(By.id("name")).sendKeys("张伟");
        driver.findElement(By.id("mobile")).sendKeys("13800138000");
        driver.findElement(By.id("email")).sendKeys("zhangwei@example.cn");
        driver.findElement(By.id("company")).sendKeys("上海贸易");
        driver.findElement(By.id("title")).sendKeys("采购经理");
        click(By.xpath("//div[@id='contact-form-tags']//label[normalize-space()='Customer']"));
        screenshot("contact-form-1280");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-name"), "张伟"));

        driver.get(url("/contacts"));
        for (int i = 0; i < 3; i++) {
            newContactThroughTheList("李娜" + i, "北京科技");
        }
        driver.findElement(By.id("contact-search")).sendKeys("张伟");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "1 contact"));
        assertThat(driver.findElement(By.id("contact-rows")).getText())
                .contains("张伟", "上海贸易")
                .doesNotContain("李娜");
        driver.findElement(By.id("contact-search")).clear();
        driver.findElement(By.id("contact-search")).sendKeys(" ");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "4 contacts"));
        screenshot("contacts-1280");

        By customerChip = By.xpath("//div[@id='contact-tag-filter']//label[normalize-space()='Customer']");
        assertThat(driver.findElement(customerChip).isDisplayed()).isFalse();
        click(By.cssSelector("#contact-tag-panel > summary"));
        click(customerChip);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "1 contact"));
        assertThat(driver.findElement(By.id("contact-rows")).getText())
                .contains("张伟", "Customer")
                .doesNotContain("李娜");
        assertThat(driver.findElement(customerChip).getAttribute("class")).contains("selected");
        assertThat(driver.findElement(By.id("contact-tag-chosen")).getText()).isEqualTo("Customer");
        screenshot("contacts-tag-filter-1280");
        click(By.id("contact-tag-clear"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-count"), "4 contacts"));

        driver.findElement(By.linkText("张伟")).click();
        driver.findElement(By.id("contact-edit")).click();
        WebElement company = driver.findElement(By.id("company"));
        company.clear();
        company.sendKeys("深圳电子");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-company"), "深圳电子"));

        String contactPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "");
        driver.get(url(contactPath + "/edit"));
        contacts.update(
                boss,
                UUID.fromString(contactPath.substring("/contacts/".length())),
                Map.of("title", "总经理"),
                null,
                false);
        WebElement title = driver.findElement(By.id("title"));
        title.clear();
        title.sendKeys("销售总监");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-stale")));
        assertThat(driver.findElement(By.id("theirs-title")).getText()).contains("总经理");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("销售总监");
        screenshot("contact-form-stale-1280");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-details"), "销售总监"));

        new Select(driver.findElement(By.id("follow-up-type"))).selectByValue("call");
        driver.findElement(By.id("follow-up-content")).sendKeys("电话沟通报价");
        click(By.id("follow-up-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-up-list"), "电话沟通报价"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline"), "recorded a follow-up: Call"));
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("Company: 上海贸易 → 深圳电子", "added the contact");
        assertThat(driver.findElement(By.id("follow-up-content")).getAttribute("value"))
                .isEmpty();
        assertThat(driver.findElement(By.id("contact-last-contacted")).getText())
                .isNotEqualTo("never");
        click(By.cssSelector("#contact-tags-edit summary"));
        click(By.xpath("//form[@id='contact-tags-form']//label[normalize-space()='Key']"));
        click(By.id("contact-tags-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-tag-chips"), "Key"));
        assertThat(driver.findElement(By.id("contact-tag-chips")).getText()).contains("Customer");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        screenshot("contact-1280");

        click(By.id("contact-trash"));
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "moved to the trash"));
        assertThat(driver.findElement(By.id("contact-rows")).getText()).doesNotContain("张伟");

        driver.get(url("/trash"));
        WebElement row = driver.findElement(By.xpath("//tr[.//div[normalize-space()='张伟']]"));
        assertThat(row.getText()).contains("深圳电子", "Boss " + suffix);
        screenshot("trash-1280");
        row.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.stalenessOf(row));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toasts"), "is back among the contacts"));
        assertThat(driver.findElement(By.id("trash-empty")).isDisplayed()).isTrue();
        screenshot("trash-restored-1280");

        driver.get(url("/contacts"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-rows"), "张伟"));
        assertThat(driver.findElement(By.id("contact-rows")).getText()).contains("张伟", "深圳电子");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/contacts"));
        screenshot("contacts-390");
        driver.findElement(By.linkText("张伟")).click();
        screenshot("contact-390");
    }

    private void newContactThroughTheList(String name, String company) {
        driver.findElement(By.id("contact-new")).click();
        driver.findElement(By.id("name")).sendKeys(name + " " + suffix);
        driver.findElement(By.id("company")).sendKeys(company);
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-name"), name));
        driver.get(url("/contacts"));
    }

    /** Logs the administrator of a new English organization in. */
    private void logInToANewOrganization() {
        boss = newOrganization("Contacts", "en", "Boss " + suffix);
        logIn(boss.orgCode(), "boss", "en");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), boss.orgName()));
    }
}
