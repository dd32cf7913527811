package io.liaison.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.identity.Actor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import as a Chinese sales team does it: a CSV file with bad rows and an iPhone's address book,
 * each previewed, run and its result read with the rows it refused and why. Every text of the
 * Chinese pages is Chinese: the test reads what the browser renders and finds no id and no English
 * word but the data the user uploaded, file names and the names of formats.
 */
class ImportWordsBrowserTests extends BrowserTest {

    static final String CSV = """
            姓名,手机号,公司,标签,生日,邮箱
            张三,138 0013 8000,上海贸易,客户,1985-03-02,zhang@example.cn
            坏号码,12345,,,,
            ,13900139000,无名公司,,,
            李四,13700137000,北京科技,不存在的标签,,
            王五,13600136000,,,1990-13-45,
            张三分身,13800138000,,,,
            赵六,13500135000,,,,zhaoliu-at-example
            """;

    /** An iPhone's cards and one card without a name, which the import refuses. */
    static final String VCARDS =
            PhoneLabelImportIntegrationTests.IPHONE + "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:无名\r\nEND:VCARD\r\n";

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w.-]+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’]+");

    /** Words a Chinese page may show: the brand, formats and encodings, units, and the data of the files. */
    private static final Set<String> ALLOWED = Set.of(
            "Liaison", "CSV", "XLSX", "Excel", "vCard", "UTF", "GBK", "MB", "KB", "Anna", "Smith", "Acme", "Ltd",
            "iPhone", "zhaoliu", "at", "example");

    @Autowired
    ImportRunner importRunner;

    @Test
    void aChineseImportJourneyShowsOnlyChineseAndTheUsersOwnData() throws Exception {
        Actor boss = newOrganization("Words", "zh-CN", "老板");
        logIn(boss.orgCode(), "boss", "zh-CN");
        List<String> found = new ArrayList<>();

        driver.get(url("/contacts/import"));
        scan("upload", found);
        importFile("客户名单.csv", CSV, 7, found);
        List<String> refused = problems();
        assertThat(driver.findElement(By.id("import-counts")).getText())
                .isEqualTo("已处理 7 / 7 行：新增 1，更新 0，无变化 0，跳过 1，未通过 5。");
        assertThat(refused)
                .hasSize(6)
                .anySatisfy(r -> assertThat(r).startsWith("未通过 第 3 行 坏号码").contains("“12345”不是有效的电话号码"))
                .anySatisfy(r -> assertThat(r).startsWith("未通过 第 5 行 李四").contains("标签“不存在的标签”不存在"))
                .anySatisfy(r -> assertThat(r).startsWith("跳过 第 7 行 张三分身").contains("与第 2 行的手机号相同"));
        screenshot("import-result-zh");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("import-result-zh-390");
        driver.manage().window().setSize(new Dimension(1280, 900));

        driver.get(url("/contacts/import"));
        importFile("iPhone 通讯录.vcf", VCARDS, 5, found);
        assertThat(problems())
                .singleElement()
                .satisfies(r -> assertThat(r).startsWith("未通过 第 5 张名片").contains("名片既无姓名也无单位"));
        screenshot("import-result-vcard-zh");

        driver.get(url("/contacts/import"));
        scan("recent imports", found);
        assertThat(found).isEmpty();
    }

    @Test
    void theSameResultReadsInEnglishForAnEnglishMember() throws Exception {
        Actor boss = newOrganization("Words", "en", "Boss");
        logIn(boss.orgCode(), "boss", "en");
        driver.get(url("/contacts/import"));
        upload("customers.csv", CSV);
        run();
        assertThat(driver.findElement(By.id("import-problems")).getText())
                .contains("Rows not imported, or imported in part", "Refused Row 3 坏号码")
                .contains("'12345' is not a valid phone number", "Row 8 赵六");
        assertThat(UUID_TEXT
                        .matcher(driver.findElement(By.tagName("body")).getText())
                        .find())
                .isFalse();
        screenshot("import-result-en");
        driver.manage().window().setSize(new Dimension(390, 844));
        screenshot("import-result-en-390");
    }

    private void importFile(String name, String content, int rows, List<String> found) throws Exception {
        upload(name, content);
        scan("preview of " + name, found);
        run();
        scan("result of " + name, found);
        assertThat(driver.findElement(By.id("import-status")).getText()).isEqualTo("已完成");
        assertThat(driver.findElement(By.id("import-counts")).getText()).startsWith("已处理 " + rows + " / " + rows);
    }

    private void upload(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("import");
        Path file = Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        driver.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-preview")));
    }

    private void run() {
        click(By.id("import-start"));
        WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-progress")));
        importRunner.run(UUID.fromString(progress.getDomAttribute("data-job")), () -> false);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-problems")));
    }

    private List<String> problems() {
        return driver.findElements(By.cssSelector("#import-problems .import-problem")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Notes every id and every English word the page shows that is not allowed, as "where: what". */
    private void scan(String where, List<String> found) {
        String text = driver.findElement(By.tagName("body")).getText();
        // Options of the selects are part of the page's words too.
        for (WebElement option : driver.findElements(By.tagName("option"))) {
            text += "\n" + option.getDomProperty("text");
        }
        Matcher id = UUID_TEXT.matcher(text);
        while (id.find()) {
            found.add(where + ": " + id.group());
        }
        String words =
                EMAIL.matcher(text).replaceAll(" ").replace("客户名单.csv", " ").replace("iPhone 通讯录.vcf", " ");
        Matcher word = WORD.matcher(words);
        while (word.find()) {
            if (!ALLOWED.contains(word.group())) {
                found.add(where + ": " + word.group());
            }
        }
    }
}
