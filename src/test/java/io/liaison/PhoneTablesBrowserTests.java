package io.liaison;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The tables on a 390 px phone, in Chinese: the import preview, the members and the audit log fit the
 * screen without a sideways scroll of the page, and each row's key facts and buttons can be read and
 * reached there.
 */
class PhoneTablesBrowserTests extends BrowserTest {

    @Test
    void importPreviewMembersAndAuditFitAPhone() throws Exception {
        Actor boss = newOrganization("Phone", "zh-CN", "老板");
        for (int i = 0; i < 4; i++) {
            members.create(
                    boss,
                    new NewMember(
                            "member" + i,
                            "华南大区高级销售代表欧阳明轩" + i,
                            "+861390013900" + i,
                            "sales.representative" + i + "@example-company.com.cn",
                            "MEMBER",
                            List.of(),
                            PASSWORD));
        }
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);

        driver.get(url("/members"));
        WebElement member = driver.findElement(By.xpath("//tr[.//div[normalize-space()='华南大区高级销售代表欧阳明轩1']]"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertThat(member.getText()).contains("华南大区高级销售代表欧阳明轩1", "member1", "成员", "在职");
        assertReadable(pages, member.findElement(By.xpath(".//a[normalize-space()='编辑']")));
        assertReadable(pages, member.findElement(By.xpath(".//button[normalize-space()='停用']")));
        assertReadable(pages, member.findElement(By.className("member-name")));
        screenshot("members-zh-390");

        driver.get(url("/audit"));
        WebElement entry = driver.findElement(By.cssSelector("#audit-rows > tr[id^='audit-']"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        assertReadable(pages, entry.findElement(By.className("audit-action")));
        assertReadable(pages, entry.findElement(By.cssSelector("td:nth-child(4) > div")));
        screenshot("audit-zh-390");

        Path file = Files.createTempFile("客户", ".csv");
        Files.writeString(
                file,
                "姓名,手机号,公司,职务,邮箱,地址,备注,行业\n"
                        + "张三,13800138000,上海贸易有限公司,采购经理,zhangsan@example.cn,上海市浦东新区世纪大道100号,展会认识,制造\n"
                        + "坏号码,12345,,,,,,零售\n",
                StandardCharsets.UTF_8);
        driver.get(url("/contacts/import"));
        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        WebElement failed = driver.findElement(By.cssSelector("#import-preview .preview-failed"));
        WebElement reason = failed.findElement(By.cssSelector("td:last-child .text-danger"));
        assertThat(reason.getText()).contains("不是有效的电话号码");
        assertReadable(pages, reason);
        assertReadable(pages, failed.findElement(By.cssSelector("td:first-child")));
        assertReadable(pages, driver.findElement(By.id("import-start")));
        screenshot("import-preview-zh-390");
    }

    private void assertReadable(Pages pages, WebElement element) {
        assertThat(pages.readable(element))
                .as("%s wholly on the screen", element.getText())
                .isTrue();
    }
}
