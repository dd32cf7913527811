package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.identity.Actor;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Import and export as a member does them in headless Chromium, in Chinese: a GBK file chosen is
 * previewed with its columns' fields, a field changed, the import followed to its end with the
 * count of refused rows and the error report; then the list exported as CSV and downloaded.
 */
class ImportPagesBrowserTests extends BrowserTest {

    @Autowired
    ImportRunner importRunner;

    @Autowired
    ExportRunner exportRunner;

    @Test
    void importsAFileStepByStepThenExportsTheList() throws Exception {
        Actor boss = newOrganization("Import", "zh-CN", "Boss");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Path file = Files.createTempFile("客户", ".csv");
        Files.writeString(
                file,
                "姓名,手机号,公司,行业\n张三,13800138000,上海贸易,制造\n坏号码,12345,,零售\n李四,13900139000,北京科技,物流\n",
                Charset.forName("GBK"));

        driver.get(url("/contacts"));
        driver.findElement(By.id("contact-import")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("drop-zone")));
        assertThat(driver.findElement(By.id("drop-zone")).getText()).contains("把文件拖到这里");
        screenshot("import-upload");

        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
        assertThat(column("姓名").getFirstSelectedOption().getText()).isEqualTo("姓名");
        assertThat(column("行业").getFirstSelectedOption().getText()).isEqualTo("不导入");
        assertThat(driver.findElement(By.cssSelector(".preview-failed")).getText())
                .contains("手机：“12345”不是有效的电话号码");

        column("行业").selectByVisibleText("备注");
        // htmx swaps the step for the new preview: the select read before the swap goes stale.
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> column("行业").getFirstSelectedOption().getText().equals("备注")
                        && d.findElements(By.cssSelector("th select")).size() == 4);
        screenshot("import-mapping");

        driver.findElement(By.id("import-start")).click();
        WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-progress")));
        importRunner.run(UUID.fromString(progress.getDomAttribute("data-job")), () -> false);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "已完成"));
        assertThat(driver.findElement(By.id("import-counts")).getText())
                .isEqualTo("已处理 3 / 3 行：新增 2，更新 0，无变化 0，跳过 0，未通过 1。");
        assertThat(driver.findElement(By.id("import-errors")).getDomAttribute("href"))
                .endsWith("/errors");
        screenshot("import-done");

        driver.get(url("/contacts"));
        driver.findElement(By.id("contact-export")).click();
        driver.findElement(By.id("export-csv")).click();
        WebElement status =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#export-status[data-export]")));
        exportRunner.run(UUID.fromString(status.getDomAttribute("data-export")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
        assertThat(driver.findElement(By.id("export-status")).getText()).contains("已导出 2 位联系人");
        screenshot("export-ready");
    }

    @Test
    void importsTheWorksheetChosenInAWorkbookOfSeveral() throws Exception {
        Actor boss = newOrganization("Sheets", "zh-CN", "Boss");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Path file = Files.createTempFile("客户", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file);
                Workbook wb = new Workbook(out, "Liaison tests", "1.0")) {
            Worksheet old = wb.newWorksheet("2025客户");
            old.value(0, 0, "姓名");
            old.value(1, 0, "去年客户");
            Worksheet now = wb.newWorksheet("2026客户");
            now.value(0, 0, "公司");
            now.value(0, 1, "姓名");
            now.value(1, 0, "上海贸易");
            now.value(1, 1, "今年客户");
        }

        driver.get(url("/contacts/import"));
        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
        Select sheet = new Select(driver.findElement(By.id("import-sheet")));
        assertThat(sheet.getOptions()).extracting(WebElement::getText).containsExactly("2025客户", "2026客户");
        assertThat(driver.findElement(By.id("import-preview")).getText()).contains("去年客户");

        sheet.selectByVisibleText("2026客户");
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("import-preview")).getText().contains("今年客户"));
        assertThat(column("公司").getFirstSelectedOption().getText()).isEqualTo("公司");
        screenshot("import-sheet");

        driver.findElement(By.id("import-start")).click();
        WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-progress")));
        importRunner.run(UUID.fromString(progress.getDomAttribute("data-job")), () -> false);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "已完成"));
        assertThat(jdbc.sql("SELECT name || '/' || company FROM contact WHERE org_id = ?")
                        .param(boss.orgId())
                        .query(String.class)
                        .list())
                .containsExactly("今年客户/上海贸易");
    }

    private Select column(String header) {
        return new Select(driver.findElement(By.cssSelector("select[aria-label='" + header + "']")));
    }
}
