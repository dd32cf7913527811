package io.liaison.chat.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.Browser;
import io.liaison.BrowserTest;
import io.liaison.contact.Contact;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The customer group from end to end, in two browsers at once: a member starts an external group
 * with a contact and invites them with a link; the contact opens it in their own browser, sets a name
 * and password and lands in the guest portal; both write and send a file, each seeing the other's
 * messages arrive without reloading; the member recalls a message and the guest sees it recalled.
 * Neither page logs an error.
 */
class ChatEndToEndBrowserTests extends BrowserTest {

    static final String GUEST_PASSWORD = "guest-password-1";

    @Autowired
    ContactService contacts;

    static void attach(WebDriver driver, Path file) {
        WebElement input = driver.findElement(By.id("chat-file"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].hidden = false;", input);
        input.sendKeys(file.toString());
        ((JavascriptExecutor) driver).executeScript("arguments[0].hidden = true;", input);
    }

    static void openFirstChat(WebDriver driver, WebDriverWait wait) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#chat-list .chat-item-link")));
        driver.findElement(By.cssSelector("#chat-list .chat-item-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-input")));
    }

    static void write(WebDriver driver, String text) {
        driver.findElement(By.id("chat-input")).sendKeys(text + Keys.ENTER);
    }

    static void arrives(WebDriverWait wait, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-messages"), text));
    }

    @Test
    void aMemberInvitesAContactAndBothChatLiveUntilAMessageIsRecalled() throws Exception {
        Actor boss = newOrganization("Customers", "zh-CN", "王经理");
        Map<String, Object> body = new HashMap<>(Map.of("name", "李雷", "company", "杭州丝绸"));
        Contact contact = contacts.create(boss, body, "manual", false);

        logIn(boss.orgCode(), "boss", "zh-CN");
        driver.get(url("/chats"));
        wait.until(d -> "true".equals(d.findElement(By.id("chat")).getDomAttribute("data-ready")));
        click(By.id("chat-new-group"));
        driver.findElement(By.id("chat-kind-external")).click();
        driver.findElement(By.id("chat-group-name")).sendKeys("杭州丝绸客户群");
        driver.findElement(By.id("chat-contact-search")).sendKeys("李雷");
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#chat-contact-options [data-id='" + contact.id() + "']")));
        driver.findElement(By.cssSelector("#chat-contact-options [data-id='" + contact.id() + "']"))
                .click();
        click(By.id("chat-group-create"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-name"), "杭州丝绸客户群"));

        click(By.id("chat-settings-open"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-invite")));
        wait.until(d -> new Select(d.findElement(By.id("chat-invite-contact")))
                .getOptions().stream().anyMatch(o -> o.getText().equals("李雷")));
        new Select(driver.findElement(By.id("chat-invite-contact"))).selectByVisibleText("李雷");
        click(By.id("chat-invite-go"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-invitation-url")));
        String link = driver.findElement(By.id("chat-invitation-url")).getDomProperty("value");
        assertThat(driver.findElement(By.id("chat-invitation-emailed")).getText())
                .contains("未通过邮件发送");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-invitations li")));
        screenshot("chat-e2e-invite-zh");
        click(By.cssSelector("#chat-settings-dialog [data-close-dialog]"));

        try (Browser second = Browser.start()) {
            WebDriver guest = second.driver();
            WebDriverWait guestWait = second.waiting();
            guest.get(url(link.substring(link.indexOf("/guest/join/"))));
            guest.findElement(By.id("displayName")).sendKeys("李雷");
            guest.findElement(By.id("login")).sendKeys("lilei-" + suffix);
            guest.findElement(By.id("password")).sendKeys(GUEST_PASSWORD);
            guest.findElement(By.id("password2")).sendKeys(GUEST_PASSWORD);
            guest.findElement(By.id("guest-join-submit")).click();
            guestWait.until(ExpectedConditions.urlToBe(url("/guest/chats")));
            openFirstChat(guest, guestWait);
            assertThat(guest.findElement(By.id("chat-name")).getText()).isEqualTo("杭州丝绸客户群");

            write(driver, "欢迎李总加入，报价明天发出");
            arrives(guestWait, "欢迎李总加入，报价明天发出");
            write(guest, "谢谢，这是我们的需求清单");
            arrives(wait, "谢谢，这是我们的需求清单");

            Path list = Files.createTempDirectory("chat-e2e").resolve("需求清单.txt");
            Files.writeString(list, "丝绸面料 200 米\n交货期 30 天\n");
            attach(guest, list);
            guestWait.until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-uploads [data-file-id]")));
            guest.findElement(By.id("chat-send")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-file a")));
            assertThat(driver.findElement(By.cssSelector("#chat-messages .chat-file a"))
                            .getText())
                    .isEqualTo("需求清单.txt");

            Path picture = ChatBrowserTests.picture("样品.png");
            attach(driver, picture);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-uploads [data-file-id]")));
            click(By.id("chat-send"));
            guestWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chat-messages .chat-file")));

            // the list is drawn again as frames arrive, so the message is found at the moment of the click
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("window.confirm = function () { return true; };"
                            + " var own = document.querySelector('#chat-messages .chat-message.own');"
                            + " var recall = own && own.querySelector('[data-action=recall]');"
                            + " if (!recall) { return false; } recall.click(); return true;"));
            arrives(guestWait, "此消息已撤回。");
            assertThat(guest.findElement(By.id("chat-messages")).getText()).doesNotContain("欢迎李总加入");
            screenshot("chat-e2e-member-zh");
            second.screenshot("chat-e2e-guest-zh");

            assertThat(errors(second.consoleErrors())).as("the guest's console").isEmpty();
        }
        assertThat(errors(browser.consoleErrors())).as("the member's console").isEmpty();
    }

    /** The console's errors but the favicon a headless browser asks for. */
    static List<String> errors(List<String> logged) {
        return logged.stream().filter(m -> !m.contains("favicon")).toList();
    }
}
