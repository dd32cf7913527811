package io.liaison.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.chat.ChatUser;
import io.liaison.chat.message.MessageService;
import io.liaison.chat.message.MessageService.NewMessage;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member in a real browser: starts a group from the chat page with a colleague picked by name,
 * writes Markdown, sends a picture, replies with a quote, and sees the colleague's answer arrive
 * without reloading, under a day separator; the page in Chinese and English, and on a phone the list and the conversation take
 * turns with a back button.
 */
class ChatBrowserTests extends BrowserTest {

    @Autowired
    MessageService messages;

    /** A small PNG, as a phone's screenshot would be. */
    static Path picture(String name) throws IOException {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2b6cb0));
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.WHITE);
        g.fillOval(35, 15, 50, 50);
        g.dispose();
        Path file = Files.createTempDirectory("chat-picture").resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** Sends files through the composer's file input, as choosing them in the file dialog does. */
    void attach(Path file) {
        WebElement input = driver.findElement(By.id("chat-file"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].hidden = false;", input);
        input.sendKeys(file.toString());
        ((JavascriptExecutor) driver).executeScript("arguments[0].hidden = true;", input);
    }

    void messageAction(WebElement message, String action) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "arguments[0].querySelector('[data-action=\"' + arguments[1] + '\"]').click();",
                        message,
                        action);
    }

    WebElement lastMessage() {
        List<WebElement> all = driver.findElements(By.cssSelector("#chat-messages .chat-message"));
        return all.get(all.size() - 1);
    }

    /** A member of the organization with a Chinese name, found by the member picker. */
    Actor colleague(Actor admin, String login, String name) {
        var member =
                members.create(admin, new NewMember(login, name, null, null, "MEMBER", List.of(), "member-password-1"));
        return members.actor(member.id()).orElseThrow();
    }

    @Test
    void aMemberStartsAGroupWritesSendsAPictureRepliesAndUsesItOnAPhone() throws IOException {
        Actor boss = newOrganization("Chats", "zh-CN", "王经理");
        Actor colleague = colleague(boss, "lina", "李娜");
        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/chats"));
        wait.until(d -> "true".equals(d.findElement(By.id("chat")).getDomAttribute("data-ready")));
        assertThat(driver.findElement(By.id("chat-list-empty")).getText()).isEqualTo("这里还没有会话。");
        assertThat(driver.findElement(By.cssSelector("a[href='/chats']")).getText())
                .contains("消息");

        click(By.id("chat-new-group"));
        driver.findElement(By.id("chat-group-name")).sendKeys("华东客户项目");
        driver.findElement(By.id("chat-group-member-search")).sendKeys("李娜");
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#chat-group-member-search-panel [role=option][data-name='李娜']")));
        driver.findElement(By.id("chat-group-member-search")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-group-member-rows tr")));
        click(By.id("chat-group-create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-name"), "华东客户项目"));
        assertThat(driver.getCurrentUrl()).matches(".*/chats/[0-9a-f-]{36}$");
        UUID group = UUID.fromString(driver.getCurrentUrl().replaceAll(".*/chats/", ""));
        assertThat(driver.findElement(By.id("chat-subtitle")).getText()).isEqualTo("2 位成员");

        WebElement input = driver.findElement(By.id("chat-input"));
        input.sendKeys("大家好，**明天**九点开会");
        input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        input.sendKeys("地点：三楼会议室");
        input.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-text strong")));
        assertThat(lastMessage().getText()).contains("明天", "三楼会议室");
        assertThat(driver.findElement(By.cssSelector("#chat-messages .chat-day"))
                        .getText())
                .isEqualTo("今天");

        attach(picture("现场照片.png"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-uploads [data-file-id]")));
        click(By.id("chat-send"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-thumb img")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("const i = document.querySelector('#chat-messages .chat-thumb img');"
                        + " return i.complete && i.naturalWidth > 0;"));

        WebElement first = driver.findElements(By.cssSelector("#chat-messages .chat-message"))
                .get(0);
        messageAction(first, "reply");
        assertThat(driver.findElement(By.id("chat-reply-text")).getText()).contains("回复 王经理");
        driver.findElement(By.id("chat-input")).sendKeys("请带上报价单" + Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "请带上报价单"));
        assertThat(lastMessage().findElement(By.cssSelector(".chat-quote")).getText())
                .contains("王经理", "明天");

        // the colleague's answer arrives through the socket, without a reload
        messages.post(
                ChatUser.of(colleague, Locale.CHINA), group, new NewMessage("收到，我会准时到。", null, List.of(), List.of()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), "收到，我会准时到。"));
        assertThat(lastMessage().getText()).contains("李娜");
        click(By.id("chat-settings-open"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-settings-announcement")));
        assertThat(driver.findElement(By.id("chat-participants")).getText()).contains("李娜", "王经理", "群主");
        driver.findElement(By.id("chat-settings-announcement")).sendKeys("周五前交付报价");
        click(By.id("chat-settings-save"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-announcement-text"), "周五前交付报价"));
        click(By.cssSelector("#chat-settings-dialog [data-close-dialog]"));
        assertThat(driver.findElement(By.id("chat-announcement-by")).getText()).startsWith("王经理 设置于");

        click(By.id("chat-search-here"));
        driver.findElement(By.id("chat-search-q")).sendKeys("报价" + Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-search-results .chat-result")));
        assertThat(driver.findElement(By.id("chat-search-results")).getText()).contains("请带上报价单");
        click(By.cssSelector("#chat-search-results .chat-result button"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-found")));
        screenshot("chat-zh");
        assertThat(browser.consoleErrors()).as("the console").isEmpty();

        click(By.id("account-menu"));
        click(By.id("lang-en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("nav"), "Chats"));
        driver.get(url("/chats/" + group));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-subtitle"), "2 participants"));
        assertThat(driver.findElement(By.cssSelector("#chat-messages .chat-day"))
                        .getText())
                .isEqualTo("Today");
        screenshot("chat-en");

        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        driver.get(url("/chats"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#chat-list .chat-item")));
        assertThat(driver.findElement(By.id("chat-pane")).isDisplayed()).isFalse();
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("chat-list-en-390");
        click(By.cssSelector("#chat-list .chat-item-link"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-back")));
        assertThat(driver.findElement(By.id("chat-list")).isDisplayed()).isFalse();
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("chat-pane-en-390");
        click(By.id("chat-back"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-list")));
    }
}
