package io.liaison.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.DepartmentService;
import io.liaison.identity.ManyMembers;
import io.liaison.identity.NewMember;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Member pickers in an organization of 2,000 members, with the keyboard only: the sharing dialog
 * finds one member by the pinyin of her name or by browsing her department, and the contact list's
 * owner filter narrows the list to her contacts. Neither page renders the 2,000.
 */
class MemberPickerBrowserTests extends BrowserTest {

    @Autowired
    DepartmentService departments;

    @Autowired
    ContactService contacts;

    Actor boss;
    UUID east;
    UUID nana;

    @Test
    void theSharingDialogFindsAMemberAmongTwoThousandInChinese() {
        Contact contact = organizationOfTwoThousand("zh-CN", "老板");
        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/contacts/" + contact.id()));
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        assertThat(driver.findElements(By.cssSelector("#share-dialog input[name=shareUserIds]")))
                .isEmpty();

        WebElement search = driver.findElement(By.id("share-member-search"));
        search.sendKeys("ouyang");
        WebElement panel = answered("share-member-search", "ouyang", "");
        // A name that starts with what is typed comes before one that merely contains it (周洋芳, zhOUYANGfang).
        assertThat(options(panel)).first().isEqualTo("欧阳娜娜\n华东");
        screenshot("share-picker-zh-1280");
        search.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        WebElement row = driver.findElement(By.id("share-member-" + nana));
        assertThat(row.getText()).isEqualTo("欧阳娜娜");
        assertThat(row.findElement(By.name("shareUserIds")).isSelected()).isTrue();
        assertThat(row.findElement(By.name("collaboratorIds")).isSelected()).isFalse();

        // Browsing: the department narrows to its members (its sub-departments' too), twenty at a time.
        search.sendKeys(Keys.ARROW_DOWN, Keys.TAB);
        WebElement tree = driver.switchTo().activeElement();
        assertThat(tree.getAttribute("id")).isEqualTo("share-member-search-department");
        tree.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        panel = answered("share-member-search", "", east.toString());
        assertThat(options(panel))
                .hasSize(20)
                .allSatisfy(option -> assertThat(option).endsWith("华东"));
        assertThat(panel.getText()).contains("只显示前 20 位");
        screenshot("share-dialog-zh-1280");

        driver.findElement(By.id("share-member-search")).sendKeys(Keys.ESCAPE);
        assertThat(panel.isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("share-dialog")).isDisplayed()).isTrue();
        click(By.id("share-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-sharing"), "共享设置已保存"));
        assertThat(driver.findElement(By.id("contact-sharing")).getText()).contains("欧阳娜娜");

        driver.manage().window().setSize(new Dimension(390, 844));
        // Afresh: reopened on the same page, the dialog shows its old form until the new one arrives.
        driver.navigate().refresh();
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        driver.findElement(By.id("share-member-search")).sendKeys("lina");
        answered("share-member-search", "lina", "");
        screenshot("share-dialog-zh-390");
        driver.get(url("/departments"));
        screenshot("departments-zh-390");
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/departments"));
        assertThat(driver.findElement(By.id("department-" + east)).getText()).contains("1001");
        screenshot("departments-zh-1280");
    }

    @Test
    void theOwnerFilterFindsAMemberAmongTwoThousandInEnglish() {
        Contact ofBoss = organizationOfTwoThousand("en", "Boss");
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "Client of Nana");
        body.put("ownerId", nana.toString());
        contacts.create(boss, body, "manual", false);
        logIn(boss.orgCode(), "boss", "en");
        driver.get(url("/contacts"));
        assertThat(driver.findElements(By.cssSelector("option"))).hasSizeLessThan(20);

        WebElement owner = driver.findElement(By.id("contact-owner"));
        owner.sendKeys("oyn");
        assertThat(options(answered("contact-owner", "oyn", ""))).containsExactly("欧阳娜娜\n华东");
        screenshot("owner-filter-en-1280");
        owner.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("owner=" + nana));
        wait.until(ExpectedConditions.invisibilityOfElementWithText(By.id("contact-rows"), ofBoss.name()));
        assertThat(driver.findElement(By.id("contact-rows")).getText()).contains("Client of Nana");
        assertThat(owner.getAttribute("value")).isEqualTo("欧阳娜娜");

        // Emptying the box is "all owners" again.
        owner.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-rows"), ofBoss.name()));

        // The contact form's owner: the box shows the administrator until another member is picked.
        driver.get(url("/contacts/new"));
        driver.findElement(By.id("name")).sendKeys("Handed over " + suffix);
        WebElement ownerBox = driver.findElement(By.id("ownerId"));
        assertThat(ownerBox.getAttribute("value")).isEqualTo("Boss");
        ownerBox.sendKeys("ouyangn");
        answered("ownerId", "ouyangn", "");
        screenshot("owner-picker-en-1280");
        ownerBox.sendKeys(Keys.ENTER);
        assertThat(ownerBox.getAttribute("value")).isEqualTo("欧阳娜娜");
        click(By.id("contact-save"));
        wait.until(ExpectedConditions.textToBe(By.id("contact-owner-name"), "欧阳娜娜"));

        driver.get(url("/contacts/" + ofBoss.id()));
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        driver.findElement(By.id("share-member-search")).sendKeys("wang");
        answered("share-member-search", "wang", "");
        screenshot("share-dialog-en-1280");
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/contacts/" + ofBoss.id()));
        click(By.id("contact-share"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("share-save")));
        driver.findElement(By.id("share-member-search")).sendKeys("wang");
        answered("share-member-search", "wang", "");
        screenshot("share-dialog-en-390");
        driver.get(url("/contacts"));
        driver.findElement(By.id("contact-owner")).sendKeys("zh");
        answered("contact-owner", "zh", "");
        screenshot("owner-filter-en-390");
        driver.get(url("/departments"));
        screenshot("departments-en-390");
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/departments"));
        screenshot("departments-en-1280");
    }

    /**
     * A new organization with 2,000 members, half in 华东 (under 销售部), the rest in 华北 and 客服部;
     * 欧阳娜娜 in 华东; and a contact of the administrator's.
     */
    private Contact organizationOfTwoThousand(String locale, String bossName) {
        boss = newOrganization("Scale", locale, bossName);
        UUID sales = departments.create(boss, "销售部", null, 0).id();
        east = departments.create(boss, "华东", sales, 0).id();
        UUID north = departments.create(boss, "华北", sales, 1).id();
        UUID service = departments.create(boss, "客服部", null, 1).id();
        ManyMembers.seed(jdbc, boss, List.of(east, north, east, service), 2_000);
        nana = members.create(boss, new NewMember("nana-" + suffix, "欧阳娜娜", null, null, null, List.of(east), PASSWORD))
                .id();
        Map<String, @Nullable Object> body = new HashMap<>();
        body.put("name", "Zhou " + suffix);
        return contacts.create(boss, body, "manual", false);
    }

    /** The picker's panel once it shows the answer to this query in this department. */
    private WebElement answered(String picker, String query, String department) {
        By answer = By.cssSelector("#" + picker + "-panel [data-answers='" + query + "|" + department + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(answer));
        return driver.findElement(By.id(picker + "-panel"));
    }

    private static List<String> options(WebElement panel) {
        return panel.findElements(By.cssSelector("[role=option]")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
