package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Step-up on the pages, in Chromium against Keycloak's real sign-in: asking for the CRITICAL entitlement and deciding
 * on it each send the person through Keycloak's one-time code form and back to what they were doing, their input
 * kept; the writ page shows how each had signed in. A sign-in older than the entitlement allows is asked for again,
 * password and code.
 */
@ExtendWith(TestPortal.class)
class StepUpBrowserIT {

    private static final Pattern WRIT_ID = Pattern.compile("Writ (\\S+) for (\\S+) submitted");

    @Test
    void aliceAsksForClusterAdminAndBobApprovesEachAfterAOneTimeCode() {
        var ticket = openTicket();
        String writ;
        try (var alice = Person.signIn("alice")) {
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement("k8s-cluster-admin");
            assertThat(alice.text(By.id("request:step-up"))).contains("a second factor at most 15 min old");
            alice.browser.findElement(By.id("request:ticket")).sendKeys(ticket);
            alice.browser.findElement(By.id("request:justification")).sendKeys("drain the failing node pool");
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("20");
            alice.browser.findElement(By.id("request:submit")).click();

            // signed in a moment ago with her password: Keycloak asks for the code only
            enterCode(alice, "alice");
            assertThat(alice.waitFor(By.cssSelector("#request\\:messages .ui-messages-info"), "back on the form")
                    .getText()).contains("as you left it");
            assertThat(alice.browser.findElement(By.id("request:ticket")).getAttribute("value")).isEqualTo(ticket);
            assertThat(alice.browser.findElement(By.id("request:justification")).getAttribute("value"))
                    .isEqualTo("drain the failing node pool");
            alice.screenshot("step-up-request-kept");
            alice.steady(By.id("request:submit"), "the submit button").click();
            writ = submittedWrit(alice, "k8s-cluster-admin");

            alice.open("/writ.xhtml?id=" + writ, By.id("writ-requester"));
            assertThat(alice.text(By.id("writ-step-up"))).contains("15 min");
            assertThat(alice.text(By.id("writ-requester-sign-in"))).contains("acr mfa");
        }

        try (var bob = Person.signIn("bob")) {
            bob.open("/inbox.xhtml", By.id("inbox"));
            var card = bob.waitFor(By.id("writ-" + writ), "alice's writ in bob's inbox");
            card.findElement(By.tagName("textarea")).sendKeys("node pool drain is on the change");
            card.findElement(By.className("writ-approve")).click();

            enterCode(bob, "bob");
            assertThat(bob.waitFor(By.cssSelector("#inbox\\:messages .ui-messages-info"), "back in the inbox")
                    .getText()).contains(writ).contains("as you left it");
            card = bob.waitFor(By.id("writ-" + writ), "alice's writ, still awaiting bob");
            assertThat(card.findElement(By.tagName("textarea")).getAttribute("value"))
                    .isEqualTo("node pool drain is on the change");
            card.findElement(By.className("writ-approve")).click();
            bob.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#inbox\\:messages .ui-messages-info"), "approve recorded; now PENDING_APPROVAL"));
            assertThat(bob.text(By.cssSelector("#inbox\\:messages .ui-messages-info"))).contains(writ);

            bob.open("/writ.xhtml?id=" + writ, By.id("decisions"));
            assertThat(bob.text(By.id("decisions"))).contains("bob").contains("sign-in: acr mfa");
        }
        assertThat(Http.post("/api/v1/requests/" + writ + "/cancel", token("alice"), "").statusCode())
                .isEqualTo(200);
    }

    /**
     * One minute's wait for two things: the page asks an old sign-in for the password and the code again, and the API
     * answers a token whose second factor is older than the minute with the challenge's {@code max_age=60}.
     */
    @Test
    void aSignInOlderThanTheEntitlementAllowsIsAskedForAgainPasswordAndCode() {
        var name = "step-up-browser-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        KeycloakAdmin.createRealmRole(name);
        var added = Http.post("/api/v1/entitlements", token("admin"), "{\"name\":\"" + name + "\","
                + "\"kind\":\"REALM_ROLE\",\"riskTier\":\"MEDIUM\",\"maxMinutes\":60,\"approvalsRequired\":1,"
                + "\"approverGroup\":\"approver\",\"reviewCadenceDays\":30,\"owner\":\"carol\",\"stepUpMinutes\":1}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        var ticket = openTicket();
        var token = StepUpSignIn.token("alice");
        assertThat(Writs.request(token, name, openTicket(), 10).statusCode()).isEqualTo(201);
        try (var alice = Person.signIn("alice")) {
            var signedInAt = Instant.now();
            alice.open("/request.xhtml", By.id("request:entitlement"));
            alice.chooseEntitlement(name);
            alice.browser.findElement(By.id("request:ticket")).sendKeys(ticket);
            alice.browser.findElement(By.id("request:justification")).sendKeys("rotate the signing keys");
            alice.browser.findElement(By.id("request:duration_input")).sendKeys("10");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Instant.now().isAfter(signedInAt.plusSeconds(62)));

            var again = Writs.request(token, name, openTicket(), 10);
            assertThat(again.statusCode()).as("the API: the same token, its second factor now too old")
                    .isEqualTo(401);
            assertThat(again.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).contains("insufficient_user_authentication").contains("max_age=60"));
            alice.browser.findElement(By.id("request:submit")).click();

            // her sign-in is older than the minute the entitlement allows: Keycloak asks for the password again
            alice.waitFor(By.id("password"), "Keycloak asking for the password again").sendKeys("alice");
            var username = alice.browser.findElements(By.id("username"));
            if (!username.isEmpty() && username.get(0).isDisplayed() && username.get(0).getAttribute("value").isEmpty()) {
                username.get(0).sendKeys("alice");
            }
            alice.screenshot("step-up-password-again");
            alice.browser.findElement(By.id("kc-login")).click();
            enterCode(alice, "alice");
            alice.waitFor(By.cssSelector("#request\\:messages .ui-messages-info"), "back on the form");
            alice.steady(By.id("request:submit"), "the submit button").click();
            submittedWrit(alice, name);
        }
        assertThat(Writs.request(StepUpSignIn.token("alice"), name, openTicket(), 10).statusCode())
                .as("the API: a new sign-in with a second factor goes through").isEqualTo(201);
    }

    /** On Keycloak's one-time code form (and not its password form): types a fresh code of the person's. */
    private static void enterCode(Person person, String username) {
        var otp = person.waitFor(By.id("otp"), "Keycloak's one-time code form");
        assertThat(person.browser.findElements(By.id("password"))).as("only the code is asked").isEmpty();
        person.screenshot("step-up-code-" + username);
        otp.sendKeys(DemoTotp.freshCode(username));
        person.browser.findElement(By.id("kc-login")).click();
    }

    private static String submittedWrit(Person person, String entitlement) {
        var message = person.waitFor(By.cssSelector("#writs\\:messages .ui-messages-info"), "My writs").getText();
        var matcher = WRIT_ID.matcher(message);
        assertThat(matcher.find()).as(message).isTrue();
        assertThat(matcher.group(2)).isEqualTo(entitlement);
        return matcher.group(1);
    }
}
