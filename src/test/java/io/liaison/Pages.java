package io.liaison;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** What the layout tests measure in the browser: the viewport, what fits in it, what runs off it. */
public final class Pages {

    private final WebDriver driver;

    public Pages(WebDriver driver) {
        this.driver = driver;
    }

    /** Sizes the window so that the page's viewport is {@code width} × {@code height} CSS pixels. */
    public void viewport(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        long innerWidth = number("return window.innerWidth;");
        long innerHeight = number("return window.innerHeight;");
        if (innerWidth != width || innerHeight != height) {
            driver.manage().window().setSize(new Dimension((int) (2L * width - innerWidth), (int)
                    (2L * height - innerHeight)));
        }
    }

    /** How many of the elements {@code selector} finds lie wholly within the viewport. */
    public long fullyVisible(String selector) {
        return number(
                "return Array.from(document.querySelectorAll(arguments[0])).filter(function (e) {"
                        + " const b = e.getBoundingClientRect();"
                        + " return b.height > 0 && b.top >= 0 && b.left >= 0"
                        + " && b.bottom <= window.innerHeight && b.right <= window.innerWidth; }).length;",
                selector);
    }

    /**
     * Whether {@code element} is wholly on the screen: inside the viewport and not cut off by any
     * ancestor that scrolls or clips (a table scrolled sideways, say).
     */
    public boolean readable(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver)
                .executeScript(
                        "const b = arguments[0].getBoundingClientRect();"
                                + " if (b.width === 0 || b.left < 0 || b.right > window.innerWidth + 0.5) { return false; }"
                                + " for (let a = arguments[0].parentElement; a; a = a.parentElement) {"
                                + " if (getComputedStyle(a).overflowX !== 'visible') {"
                                + " const r = a.getBoundingClientRect();"
                                + " if (b.left < r.left - 0.5 || b.right > r.right + 0.5) { return false; } } }"
                                + " return true;",
                        element));
    }

    /** Whether the page is wider than the viewport, so that it scrolls sideways. */
    public boolean overflows() {
        return number("return document.documentElement.scrollWidth - window.innerWidth;") > 0;
    }

    /** The page's width beyond the viewport, and the widest elements that cause it, for a failure's message. */
    public String overflowReport() {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeScript(
                        "const w = window.innerWidth; return document.documentElement.scrollWidth + ' > ' + w + ': '"
                                + " + Array.from(document.querySelectorAll('body *')).filter(function (e) {"
                                + " return e.getBoundingClientRect().right > w + 1; }).slice(0, 8).map(function (e) {"
                                + " return e.tagName + '#' + e.id + '.' + e.className; }).join(', ');"));
    }

    private long number(String script, Object... args) {
        return ((Number) ((JavascriptExecutor) driver).executeScript(script, args)).longValue();
    }
}
