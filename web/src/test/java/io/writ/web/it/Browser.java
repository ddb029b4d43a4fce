package io.writ.web.it;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The Debian Chromium and its driver, headless. Nothing is downloaded at test time: a missing browser fails with
 * what to install, it never skips.
 */
final class Browser {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private Browser() {
    }

    static WebDriver open(Path profile) {
        for (var program : new String[]{CHROMIUM, CHROMEDRIVER}) {
            if (!new File(program).canExecute()) {
                throw new IllegalStateException(program + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (./test.sh does so: apt-get install -y chromium chromium-driver)");
            }
        }
        var options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic", "--window-size=1280,900",
                        "--user-data-dir=" + profile.toAbsolutePath());
        // The console, whose security errors are the page's Content Security Policy violations (Person).
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    /** Saves what the page looks like now under web/target/screenshots/NAME.png, for a person to look at. */
    static void screenshot(WebDriver driver, String name) {
        var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            var dir = Files.createDirectories(Path.of(TestEnvironment.property("writ.screenshots")));
            Files.copy(file.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    /** Waits for an element; when it never comes, says where the browser is instead and keeps a screenshot. */
    static WebElement waitFor(WebDriver driver, WebDriverWait wait, By element, String what) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(element));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot(driver, "failed-" + what.replaceAll("\\W+", "-"));
            throw new AssertionError("Expected " + what + " but the browser is at " + driver.getCurrentUrl()
                    + " showing: " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** Opens the portal, signs in on Keycloak's login page, and waits for the portal's home page. */
    static void signIn(WebDriver driver, WebDriverWait wait, String user, String password) {
        signIn(driver, wait, TestEnvironment.portalUrl(), user, password);
    }

    /** The same, on the portal at that address (one node of several). */
    static void signIn(WebDriver driver, WebDriverWait wait, String portalUrl, String user, String password) {
        driver.get(portalUrl + "/");
        waitFor(driver, wait, By.id("username"), "the Keycloak login page").sendKeys(user);
        screenshot(driver, "keycloak-login");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        waitFor(driver, wait, By.id("home-username"), user + " signed in");
    }
}
