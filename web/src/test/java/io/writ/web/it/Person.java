package io.writ.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * One demo user signed in through Keycloak's login page in a fresh Chromium profile, for browser tests that hand
 * the screen from one person to the next. Close it (try-with-resources) before the next person signs in.
 */
final class Person implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final WebDriver browser;
    final WebDriverWait wait;

    private Person(WebDriver browser, Duration patience) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, patience);
    }

    /** Signs the user (password = username) in, in a new browser profile under the directory; on the home page. */
    static Person signIn(String user, Path profiles) {
        return signIn(user, profiles, PATIENCE);
    }

    /** The same, waiting up to that long for each element (sign-in included) instead of twenty seconds. */
    static Person signIn(String user, Path profiles, Duration patience) {
        WebDriver browser;
        try {
            browser = Browser.open(Files.createTempDirectory(profiles, user));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var person = new Person(browser, patience);
        try {
            Browser.signIn(person.browser, person.wait, user, user);
        } catch (RuntimeException | AssertionError e) {
            person.close();
            throw e;
        }
        return person;
    }

    /** Opens a portal page and waits for an element that says it is there; returns that element. */
    WebElement open(String page, By ready) {
        browser.get(TestEnvironment.portalUrl() + page);
        return waitFor(ready, page);
    }

    /** Waits for the element to show; when it never comes, says where the browser is instead (and a screenshot). */
    WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }

    /**
     * The element, scrolled to the middle of the window and standing still: on a long page the layout settles after
     * loading (text areas resize themselves), and a click aimed before that can land beside the button.
     */
    WebElement steady(By element, String what) {
        var found = waitFor(element, what);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", found);
        var last = new AtomicReference<>(found.getRect());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> last.getAndSet(found.getRect()).equals(last.get()));
        return found;
    }

    String text(By element) {
        return browser.findElement(element).getText();
    }

    /** The row of the table on the page that has a span of that class with exactly that text (a ticket, a name). */
    WebElement row(String spanClass, String text) {
        return browser.findElement(By.xpath("//tr[.//span[@class='" + spanClass + "' and text()='" + text + "']]"));
    }

    /** Waits for the error message shown in the form field around the control (an input, a textarea). */
    WebElement fieldError(String tag, String control) {
        return waitFor(By.xpath("//div[contains(@class,'writ-field')][.//" + tag + "[@id='" + control + "']]"
                + "//*[contains(@class,'ui-message-error')]"), "the field error of " + control);
    }

    /**
     * Picks an entitlement on the request form and waits for its policy to show. A click during the PrimeFaces
     * menu's opening animation can be lost, so it tries again.
     */
    void chooseEntitlement(String entitlement) {
        var item = By.cssSelector("#request\\:entitlement_items li[data-label^='" + entitlement + "']");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            var shown = browser.findElements(item); // the panel's items exist only once it was opened
            if (shown.isEmpty() || !shown.get(0).isDisplayed()) {
                browser.findElement(By.id("request:entitlement")).click();
            }
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            return new WebDriverWait(browser, Duration.ofSeconds(2))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("request:tier"))).isDisplayed();
        });
    }

    /** The HTTP status this signed-in browser gets for a portal path (or any address it may fetch). */
    int status(String path) {
        return ((Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path))
                .intValue();
    }

    /** Saves what the page looks like now under web/target/screenshots/NAME.png, for a person to look at. */
    void screenshot(String name) {
        Browser.screenshot(browser, name);
    }

    void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", element);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
