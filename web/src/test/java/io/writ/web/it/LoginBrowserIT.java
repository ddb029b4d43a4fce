package io.writ.web.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in on Keycloak's login page, sees who they are and their roles, and signs out. */
@ExtendWith(TestPortal.class)
class LoginBrowserIT {

    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aliceSignsInAndSeesHerNameAndTheRequesterRole() {
        signIn("alice", "alice");

        assertThat(browser.findElement(By.id("home-username")).getText()).isEqualTo("alice");
        assertThat(roles()).isEqualTo("requester");
        Browser.screenshot(browser, "home-alice");
    }

    @Test
    void bobSeesTheApproverRole() {
        signIn("bob", "bob");

        assertThat(browser.findElement(By.id("home-username")).getText()).isEqualTo("bob");
        assertThat(roles()).isEqualTo("approver");
        Browser.screenshot(browser, "home-bob");
    }

    @Test
    void signingOutEndsTheKeycloakSessionAndReturnsToTheLoginPage() {
        signIn("frank", "frank");
        assertThat(roles()).isEqualTo("requester approver");

        browser.findElement(By.id("logout")).click();

        waitFor(By.id("username"), "the login page after sign-out");
        assertThat(browser.getCurrentUrl()).startsWith(TestEnvironment.KEYCLOAK_URL + "/realms/writ/");
        Browser.screenshot(browser, "login-after-logout");

        // The Keycloak session is gone too: opening the portal asks for the password again instead of
        // signing frank back in silently.
        browser.get(TestEnvironment.portalUrl() + "/");
        waitFor(By.id("password"), "the login page again");
        assertThat(browser.getCurrentUrl()).startsWith(TestEnvironment.KEYCLOAK_URL + "/realms/writ/");
        assertThat(browser.findElements(By.id("home-username"))).isEmpty();
    }

    private void signIn(String user, String password) {
        Browser.signIn(browser, wait, user, password);
    }

    private WebElement waitFor(By element, String what) {
        return Browser.waitFor(browser, wait, element, what);
    }

    private String roles() {
        return String.join(" ", browser.findElements(By.cssSelector("#roles .writ-role")).stream()
                .map(WebElement::getText).toList());
    }
}
