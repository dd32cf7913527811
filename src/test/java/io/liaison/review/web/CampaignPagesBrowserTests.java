package io.liaison.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.contact.ContactFilter;
import io.liaison.contact.ContactService;
import io.liaison.identity.Actor;
import io.liaison.identity.NewMember;
import io.liaison.review.campaign.Campaign;
import io.liaison.review.campaign.CampaignService;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The campaign pages as an owner and as the starter, in Chinese and English, on a desktop and on a
 * phone 390 pixels wide: the owner confirms one contact in place and marks the ticked ones invalid;
 * the starter reads the progress per member by name.
 */
class CampaignPagesBrowserTests extends BrowserTest {

    @Autowired
    ContactService contacts;

    @Autowired
    CampaignService campaigns;

    @Test
    void anOwnerGoesThroughTheirListAndTheStarterSeesTheProgressInChinese() {
        walkThrough("zh-CN", "李娜", "王芳", List.of("欧阳娜娜", "张伟", "李强"), "年底客户整理", "仍未处理 1", "已确认");
    }

    @Test
    void anOwnerGoesThroughTheirListAndTheStarterSeesTheProgressInEnglish() {
        walkThrough(
                "en",
                "Lena Li",
                "Fang Wang",
                List.of("Nana Ouyang", "Wei Zhang", "Qiang Li"),
                "Year-end review",
                "still pending 1",
                "Confirmed");
    }

    private void walkThrough(
            String locale,
            String bossName,
            String ownerName,
            List<String> names,
            String campaignName,
            String pendingText,
            String confirmedText) {
        String lang = locale.startsWith("zh") ? "zh" : "en";
        Actor boss = newOrganization("Campaign", locale, bossName);
        UUID ownerId = members.create(
                        boss, new NewMember("owner", ownerName, null, null, "MEMBER", List.of(), PASSWORD))
                .id();
        Actor owner = members.actor(ownerId).orElseThrow();
        for (String name : names) {
            Map<String, @Nullable Object> body = new HashMap<>();
            body.put("name", name);
            contacts.create(owner, body, "manual", false);
        }
        Campaign campaign = campaigns.start(
                boss,
                new CampaignService.NewCampaign(
                        campaignName,
                        ContactFilter.none(),
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(7),
                        locale.startsWith("zh")
                                ? "请确认手机号和公司仍然正确。"
                                : "Check that the mobile and company are still right."));

        logIn(boss.orgCode(), "owner", locale);
        driver.get(url("/review/campaigns"));
        assertThat(driver.findElement(By.id("campaigns-for-me")).getText()).contains(campaignName, bossName);
        screenshot("campaigns-list-" + lang + "-1280");
        driver.get(url("/review/campaigns/" + campaign.id()));
        var rows = driver.findElements(By.cssSelector("#campaign-items .campaign-item"));
        assertThat(rows).hasSize(3);
        String first = rows.get(0).getDomAttribute("id");
        click(By.cssSelector("#" + first + " button[value='confirm']"));
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id(first), "class", "campaign-item-done"));
        assertThat(driver.findElement(By.id(first)).getText()).contains(confirmedText, ownerName);
        String second = rows.get(1).getDomAttribute("id");
        click(By.cssSelector("#" + second + " input[type='checkbox']"));
        click(By.id("campaign-bulk-invalid"));
        wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id(second), "class", "campaign-item-done"));
        assertThat(driver.findElement(By.id("campaign-progress")).getText()).contains("2");
        screenshot("campaign-owner-" + lang + "-1280");
        Pages pages = new Pages(driver);
        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("campaign-owner-" + lang + "-390");

        driver.manage().deleteAllCookies();
        pages.viewport(1280, 900);
        logIn(boss.orgCode(), "boss", locale);
        driver.get(url("/review/campaigns/" + campaign.id()));
        assertThat(driver.findElement(By.id("campaign-members")).getText()).contains(ownerName);
        click(By.id("campaign-close"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("campaign-summary")));
        assertThat(driver.findElement(By.id("campaign-summary")).getText()).contains(pendingText);
        screenshot("campaign-starter-" + lang + "-1280");
        pages.viewport(390, 844);
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("campaign-starter-" + lang + "-390");
        driver.get(url("/review/campaigns/new"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("campaign-form-" + lang + "-390");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
