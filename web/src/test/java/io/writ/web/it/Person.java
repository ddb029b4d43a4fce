package io.writ.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One demo user signed in through Keycloak's login page in a fresh Chromium profile, for browser tests that hand
 * the screen from one person to the next. Close it (or sign the next person in) when done.
 */
final class Person implements AutoCloseable {

    final WebDriver browser;
    final WebDriverWait wait;

    private Person(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** Signs the user (password = username) in, in a new browser profile under the directory. */
    static Person signIn(String user, Path profiles) {
        try {
            var person = new Person(Browser.open(Files.createTempDirectory(profiles, user)));
            Browser.signIn(person.browser, person.wait, user, user);
            return person;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a portal page and waits for an element that says it is there. */
    Person open(String page, By ready) {
        browser.get(TestEnvironment.portalUrl() + page);
        waitFor(ready, page);
        return this;
    }

    WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }

    String text(By element) {
        return browser.findElement(element).getText();
    }

    /** The HTTP status this signed-in browser gets for a portal path. */
    int status(String path) {
        return ((Number) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status));", path))
                .intValue();
    }

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
