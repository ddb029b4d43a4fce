package io.writ.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * One demo user signed in through Keycloak's login page in a Chromium nobody is signed in to, for browser tests that
 * hand the screen from one person to the next. Close it (try-with-resources) before the next person signs in: closing
 * fails the test if Chromium refused anything on a portal page under its Content Security Policy meanwhile.
 */
final class Person implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final WebDriver browser;
    final WebDriverWait wait;

    private Person(WebDriver browser, Duration patience) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, patience);
    }

    /**
     * Browsers whose person closed them, emptied and kept for the next person: starting Chromium is a slow part of a
     * browser test on two cores. At most {@link #KEPT}; all are quit when the tests' JVM ends.
     */
    private static final Deque<WebDriver> IDLE = new ConcurrentLinkedDeque<>();
    private static final int KEPT = 3;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.forEach(WebDriver::quit)));
    }

    /** Signs the user (password = username) in, in a browser nobody is signed in to; on the home page. */
    static Person signIn(String user) {
        return signIn(user, PATIENCE);
    }

    /** The same, waiting up to that long for each element (sign-in included) instead of twenty seconds. */
    static Person signIn(String user, Duration patience) {
        var browser = emptied();
        if (browser == null) {
            try {
                // Its profile outlives the test that opened it (the browser is kept): not in a test's directory.
                browser = Browser.open(Files.createTempDirectory("writ-chromium-"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
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

    /**
     * A kept browser made as new: no cookie of any site (the portal's session, Keycloak's single sign-on), no storage
     * of the portal's or Keycloak's, the usual window size. Null when none is kept (or none survived emptying).
     */
    private static WebDriver emptied() {
        WebDriver browser;
        while ((browser = IDLE.poll()) != null) {
            try {
                var chromium = (ChromeDriver) browser;
                chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
                for (var origin : new String[]{TestEnvironment.portalUrl(), TestEnvironment.KEYCLOAK_URL}) {
                    chromium.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                            "storageTypes", "all"));
                }
                browser.manage().window().setSize(new Dimension(1280, 900));
                return browser;
            } catch (RuntimeException broken) {
                browser.quit();
            }
        }
        return null;
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

    /**
     * What Chromium refused under a page's Content Security Policy since last asked: its console's security errors
     * ("Executing inline script violates the following Content Security Policy directive ...", "Refused to ..." in
     * older versions). They do not name the page; the portal's are the only pages a person uses besides Keycloak's
     * login, whose policy refuses nothing there.
     */
    List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .toList();
    }

    /**
     * Leaves the portal (a page left open would keep asking it) and keeps the browser for the next person; fails
     * when a page refused something under its policy (a page that does not work as shipped).
     */
    @Override
    public void close() {
        List<String> refused;
        try {
            refused = cspViolations();
        } catch (RuntimeException broken) { // a browser that broke is quit below; the test says why it broke
            refused = List.of();
        }
        leave();
        if (!refused.isEmpty()) {
            throw new AssertionError("Chromium refused under the Content Security Policy:\n"
                    + String.join("\n", refused));
        }
    }

    private void leave() {
        try {
            browser.get("about:blank");
            ((ChromeDriver) browser).executeCdpCommand("Network.clearBrowserCookies", Map.of());
        } catch (RuntimeException broken) {
            browser.quit();
            return;
        }
        if (IDLE.size() < KEPT) {
            IDLE.push(browser);
        } else {
            browser.quit();
        }
    }
}
