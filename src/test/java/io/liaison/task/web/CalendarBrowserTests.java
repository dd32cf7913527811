package io.liaison.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.liaison.BrowserTest;
import io.liaison.Pages;
import io.liaison.identity.Actor;
import io.liaison.task.event.EventDraft;
import io.liaison.task.event.EventService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Point;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar in Chromium, in Chinese: at 1280 px the week is seven columns side by side; at 390 px
 * it is a list of days, one under the other, and neither the week, the month nor the event form
 * scrolls sideways. Screenshots in target/screenshots.
 */
class CalendarBrowserTests extends BrowserTest {

    @Autowired
    EventService events;

    @Test
    void theWeekIsSevenColumnsOnADesktopAndAListOfDaysOnAPhone() {
        Actor boss = newOrganization("Cal", "zh-CN", "老板");
        LocalDate monday = LocalDate.now(boss.timeZone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        plan(boss, "拜访华东区重要客户并确认年度框架协议", monday.plusDays(1), 9, "visit");
        plan(boss, "季度回顾会议", monday.plusDays(3), 14, "meeting");
        plan(boss, "给供应商回电话", monday.plusDays(3), 16, "call");
        logIn(boss.orgCode(), "boss", "zh-CN");
        Pages pages = new Pages(driver);

        pages.viewport(1280, 900);
        driver.get(url("/calendar"));
        List<WebElement> days = driver.findElements(By.cssSelector(".calendar-day"));
        assertThat(days).hasSize(7);
        assertThat(days.get(1).getLocation().getY())
                .isEqualTo(days.get(0).getLocation().getY());
        assertThat(days.get(1).getLocation().getX())
                .isGreaterThan(days.get(0).getLocation().getX());
        assertThat(driver.findElement(By.id("day-" + monday.plusDays(1))).getText())
                .contains("拜访华东区重要客户");
        screenshot("calendar-week-zh-1280");
        driver.get(url("/calendar?view=month"));
        assertThat(driver.findElements(By.cssSelector(".calendar-day")).size()).isBetween(28, 42);
        screenshot("calendar-month-zh-1280");

        pages.viewport(390, 844);
        driver.get(url("/calendar"));
        days = driver.findElements(By.cssSelector(".calendar-day"));
        Point first = days.get(0).getLocation();
        Point second = days.get(1).getLocation();
        assertThat(second.getX()).as("one day under the other").isEqualTo(first.getX());
        assertThat(second.getY()).isGreaterThan(first.getY());
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        WebElement visit = driver.findElement(By.id("day-" + monday.plusDays(1)));
        assertThat(visit.getText()).contains("拜访华东区重要客户并确认年度框架协议", "09:00–10:00");
        screenshot("calendar-week-zh-390");
        driver.get(url("/calendar?view=month"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("calendar-month-zh-390");
        driver.get(url("/calendar/events/new"));
        assertThat(pages.overflows()).as(pages::overflowReport).isFalse();
        screenshot("calendar-event-form-zh-390");
    }

    private void plan(Actor boss, String title, LocalDate day, int hour, String kind) {
        ZonedDateTime start = day.atTime(hour, 0).atZone(boss.timeZone());
        events.create(
                boss,
                new EventDraft(
                        title,
                        null,
                        kind,
                        start.toInstant(),
                        start.plusHours(1).toInstant(),
                        null,
                        false,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of()));
    }
}
