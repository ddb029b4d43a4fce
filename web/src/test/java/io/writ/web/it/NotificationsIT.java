package io.writ.web.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notifications end to end: the portal mails a real SMTP server (GreenMail) and posts to a webhook receiver, both in
 * this JVM, and shows in-app messages in Chromium. Other test classes' writs are notified too (and retried while
 * these servers are not running), so every check picks the mails and posts of its own writ by the writ's id.
 */
@ExtendWith(TestPortal.class)
class NotificationsIT {

    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String SECRET = TestEnvironment.property("writ.it.webhook.secret");

    private static GreenMail smtp;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void startMailServerAndReceiver() {
        smtp = startSmtp();
        webhook = WebhookReceiver.start(Integer.parseInt(TestEnvironment.property("writ.it.webhook.port")));
    }

    @AfterAll
    static void stopMailServerAndReceiver() {
        if (smtp != null) {
            smtp.stop();
        }
        if (webhook != null) {
            webhook.close();
        }
    }


    @Test
    void approversAreAskedByMailAndTheRequesterIsToldEachOutcome() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "prod-db-admin", ticket, 30);

        var asked = awaitMails(writ, "Decision needed: alice asks for prod-db-admin (HIGH) on " + ticket,
                "bob@writ.example", "carol@writ.example");
        assertThat(asked).allSatisfy(mail -> assertThat(body(mail))
                .contains("Ticket:        " + ticket)
                .contains("Justification: integration test of the elevation flow")
                .contains("It needs 2 approval(s) from approver; 0 so far")
                .contains("Open in Writ: " + TestEnvironment.portalUrl() + "/inbox.xhtml"));
        assertThat(recipientsOf(mailsAbout(writ))).as("alice is not asked to approve her own writ")
                .doesNotContain("alice@writ.example");

        assertThat(decide("bob", writ, "APPROVE", "looks right").statusCode()).isEqualTo(200);
        assertThat(decide("carol", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        var approved = awaitMails(writ, "Approved: prod-db-admin (HIGH) for alice on " + ticket, "alice@writ.example");
        assertThat(body(approved.get(0))).contains("Approved by bob, carol.")
                .contains("Open in Writ: " + TestEnvironment.portalUrl() + "/writs.xhtml");

        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
        var revoked = awaitMails(writ, "Revoked: prod-db-admin (HIGH) for alice on " + ticket
                + " (ended early by alice)", "alice@writ.example");
        assertThat(body(revoked.get(0))).contains("read back absent");

        await().atMost(SOON).untilAsserted(() -> assertThat(webhook.about(writ))
                .extracting(WebhookReceiver.Post::event)
                .contains("writ.decision-needed", "writ.approved", "writ.revoked"));
        assertThat(webhook.about(writ)).as("each notice posted once, signed").allSatisfy(post -> {
            assertThat(post.signedWith(SECRET)).as(post.body()).isTrue();
            assertThat(post.signedWith("some other secret")).isFalse();
            assertThat(post.json().getString("id")).isEqualTo(post.notice());
            assertThat(post.json().getString("event")).isEqualTo(post.event());
        });
        assertThat(webhook.about(writ)).extracting(WebhookReceiver.Post::notice).doesNotHaveDuplicates();
        var decisionNeeded = webhook.about(writ).stream().filter(p -> p.event().equals("writ.decision-needed"))
                .findFirst().orElseThrow().json();
        assertThat(decisionNeeded.getString("text")).startsWith("Decision needed: alice asks for prod-db-admin");
        assertThat(decisionNeeded.getJsonObject("writ").getString("ticket")).isEqualTo(ticket);
        assertThat(decisionNeeded.getJsonObject("writ").getString("riskTier")).isEqualTo("HIGH");
        assertThat(decisionNeeded.getJsonObject("audience").getJsonArray("groups").getString(0)).isEqualTo("approver");
    }

    @Test
    void eachPersonReadsOnlyTheirOwnMessages() {
        var writ = submitted(token("alice"), "payments-operator", openTicket(), 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        await().atMost(SOON).until(() -> messagesOf("alice", writ).size() >= 1
                && !messagesOf("bob", writ).isEmpty());

        var bobs = messagesOf("bob", writ);
        assertThat(bobs).extracting(m -> m.getString("event")).containsOnly("writ.decision-needed");
        var alices = messagesOf("alice", writ);
        assertThat(alices).extracting(m -> m.getString("event")).contains("writ.approved")
                .doesNotContain("writ.decision-needed");

        var alicesMessage = alices.get(0).getString("id");
        assertThat(Http.post("/api/v1/messages/" + alicesMessage + "/read", token("bob"), "").statusCode())
                .as("bob cannot touch alice's message").isEqualTo(404);
        assertThat(messagesOf("alice", writ).get(0).get("readAt")).as("still unread")
                .isIn(null, jakarta.json.JsonValue.NULL);
        var read = Http.post("/api/v1/messages/" + alicesMessage + "/read", token("alice"), "");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Json.string(read.body(), "readAt")).isNotNull();
        assertThat(Http.get("/api/v1/messages").statusCode()).as("no token").isEqualTo(401);

        end(writ);
    }

    @Test
    void aliceSeesHerMessagesInThePortalAndBobSeesOnlyHis() {
        var ticket = openTicket();
        var writ = submitted(token("alice"), "payments-operator", ticket, 30);
        assertThat(decide("bob", writ, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", writ, "ACTIVE", SOON);
        end(writ);
        await().atMost(SOON).until(() -> messagesOf("alice", writ).size() >= 2);

        try (var alice = Person.signIn("alice")) {
            var bell = alice.waitFor(By.id("nav-messages"), "the messages bell");
            assertThat(bell.findElement(By.id("unread-count")).getText()).matches("[1-9][0-9]*");
            bell.click();
            var approved = alice.waitFor(messageOf(writ, "APPROVED"), "the approval message");
            assertThat(approved.getText()).contains("Approved: payments-operator (MEDIUM) for alice on " + ticket)
                    .contains("Approved by bob.").contains("Open my writs");
            assertThat(alice.text(messageOf(writ, "REVOKED")))
                    .contains("Revoked: payments-operator (MEDIUM) for alice on " + ticket + " (ended early by alice)");
            assertThat(alice.browser.findElements(messageOf(writ, "DECISION_NEEDED"))).as("bob's, not alice's")
                    .isEmpty();
            assertThat(approved.getDomAttribute("class")).contains("writ-message-unread");
            alice.screenshot("messages-alice");

            var unreadBefore = Integer.parseInt(alice.text(By.id("unread-count")));
            approved.findElement(By.className("writ-mark-read")).click();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> alice.browser.findElement(
                    messageOf(writ, "APPROVED")).getDomAttribute("class").contains("writ-message-read"));
            var unreadAfter = alice.browser.findElements(By.id("unread-count"));
            assertThat(unreadAfter.isEmpty() ? 0 : Integer.parseInt(unreadAfter.get(0).getText()))
                    .isEqualTo(unreadBefore - 1);
            alice.screenshot("messages-alice-one-read");
        }

        try (var bob = Person.signIn("bob")) {
            var asked = bob.open("/messages.xhtml", messageOf(writ, "DECISION_NEEDED"));
            assertThat(asked.getText())
                    .contains("Decision needed: alice asks for payments-operator (MEDIUM) on " + ticket)
                    .contains("Decide in the approval inbox");
            assertThat(bob.browser.findElements(messageOf(writ, "APPROVED"))).as("alice's message").isEmpty();
            assertThat(bob.browser.findElements(messageOf(writ, "REVOKED"))).as("alice's message").isEmpty();
            bob.screenshot("messages-bob");
        }
    }

    @Test
    void aWindowShorterThanTheWarningIsWarnedOfAtOnce() {
        var ticket = openTicket();
        // A LOW entitlement on an open ticket is approved at once; five minutes is within the ten-minute warning.
        var writ = submitted(token("alice"), "billing-read", ticket, 5);
        awaitStatus("alice", writ, "ACTIVE", SOON);

        var warning = awaitMails(writ, "Ends in ", "alice@writ.example");
        assertThat(subject(warning.get(0))).matches("Ends in [45] min: billing-read \\(LOW\\) for alice on " + ticket);
        assertThat(body(warning.get(0))).contains("ask for more time in My writs");
        await().atMost(SOON).untilAsserted(() -> assertThat(webhook.about(writ))
                .extracting(WebhookReceiver.Post::event).contains("writ.approved", "writ.expiring-soon"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() ->
                mailsAbout(writ).stream().filter(m -> subject(m).startsWith("Ends in ")).count() == 1);

        end(writ);
    }

    @Test
    void mailThatMeetsTheServerDownArrivesOnceItIsBack() {
        smtp.stop();
        String writ;
        try {
            writ = submitted(token("alice"), "payments-operator", openTicket(), 30);
            // bob's in-app message is written in the same attempt that fails to mail him
            await().atMost(SOON).until(() -> !messagesOf("bob", writ).isEmpty());
            await().atMost(SOON).until(() -> undeliveredNotices() > 0);
        } finally {
            smtp = startSmtp();
        }
        awaitMails(writ, "Decision needed: alice asks for payments-operator (MEDIUM)", "bob@writ.example");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                mailsAbout(writ).stream().filter(m -> recipientsOf(List.of(m)).contains("bob@writ.example")).count()
                        == 1);

        Http.post("/api/v1/requests/" + writ + "/cancel", token("alice"), "");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(Integer.parseInt(TestEnvironment.property("writ.it.smtp.port")),
                "localhost", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /** Waits until each of these people got a mail about the writ whose subject starts so; returns those mails. */
    private static List<MimeMessage> awaitMails(String writ, String subjectStart, String... addresses) {
        var matching = new java.util.concurrent.atomic.AtomicReference<List<MimeMessage>>();
        try {
            await().atMost(SOON).pollInterval(Duration.ofMillis(250)).until(() -> {
                var mails = mailsAbout(writ).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
                matching.set(mails);
                return recipientsOf(mails).containsAll(Arrays.asList(addresses));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No mail '" + subjectStart + "' to " + Arrays.toString(addresses) + " about writ "
                    + writ + "; got " + mailsAbout(writ).stream().map(m -> recipientsOf(List.of(m)) + " "
                    + subject(m)).toList() + "; health: " + Http.get("/health/ready").body(), e);
        }
        return matching.get();
    }

    private static List<MimeMessage> mailsAbout(String writ) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> body(m).contains(writ)).toList();
    }

    private static List<String> recipientsOf(List<MimeMessage> mails) {
        return mails.stream().flatMap(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage mail) {
        return GreenMailUtil.getBody(mail).replace("\r\n", "\n");
    }

    /** The person's in-app messages about the writ, from the API. */
    private static List<jakarta.json.JsonObject> messagesOf(String user, String writ) {
        var response = Http.get("/api/v1/messages", token(user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (var reader = jakarta.json.Json.createReader(new StringReader(response.body()))) {
            return reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(m -> writ.equals(m.getString("writ", null))).toList();
        }
    }

    private static long undeliveredNotices() {
        try (var reader = jakarta.json.Json.createReader(new StringReader(Http.get("/health/ready").body()))) {
            return reader.readObject().getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
                    .filter(check -> check.getString("name").equals("notifications"))
                    // Payara writes the check's data as strings
                    .mapToLong(check -> Long.parseLong(check.getJsonObject("data").get("undelivered").toString()
                            .replace("\"", "")))
                    .findFirst().orElseThrow();
        }
    }

    private static void end(String writ) {
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", writ, SOON);
    }

    private static By messageOf(String writ, String kind) {
        return By.cssSelector("article.writ-message[data-writ='" + writ + "'][data-kind='" + kind + "']");
    }
}
