package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in on Keycloak's login page, sees who they are and their roles, and signs out. */
@ExtendWith(TestPortal.class)
class LoginBrowserIT {

    @Test
    void aliceSignsInAndSeesHerNameAndTheRequesterRole() {
        try (var alice = Person.signIn("alice")) {
            assertThat(alice.text(By.id("home-username"))).isEqualTo("alice");
            assertThat(roles(alice)).isEqualTo("requester");
            alice.screenshot("home-alice");
        }
    }

    @Test
    void bobSeesTheApproverRole() {
        try (var bob = Person.signIn("bob")) {
            assertThat(bob.text(By.id("home-username"))).isEqualTo("bob");
            assertThat(roles(bob)).isEqualTo("approver");
            bob.screenshot("home-bob");
        }
    }

    @Test
    void signingOutEndsTheKeycloakSessionAndReturnsToTheLoginPage() {
        try (var frank = Person.signIn("frank")) {
            assertThat(roles(frank)).isEqualTo("requester approver");

            frank.browser.findElement(By.id("logout")).click();

            frank.waitFor(By.id("username"), "the login page after sign-out");
            assertThat(frank.browser.getCurrentUrl()).startsWith(TestEnvironment.KEYCLOAK_URL + "/realms/writ/");
            frank.screenshot("login-after-logout");

            // The Keycloak session is gone too: opening the portal asks for the password again instead of
            // signing frank back in silently.
            frank.open("/", By.id("password"));
            assertThat(frank.browser.getCurrentUrl()).startsWith(TestEnvironment.KEYCLOAK_URL + "/realms/writ/");
            assertThat(frank.browser.findElements(By.id("home-username"))).isEmpty();
        }
    }

    private static String roles(Person person) {
        return String.join(" ", person.browser.findElements(By.cssSelector("#roles .writ-role")).stream()
                .map(WebElement::getText).toList());
    }
}
