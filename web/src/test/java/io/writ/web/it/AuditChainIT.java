package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.submitted;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tamper-evident audit trail of the running portal: activity through the API is chained and verifies intact;
 * changing, deleting or reordering a stored record by SQL (as someone with database access could) makes
 * verification fail at that record. Every tampering is undone in a finally block, exactly, and the trail is verified
 * intact again: the tests after these share the same database.
 */
@ExtendWith(TestPortal.class)
@ResourceLock(TestPortal.FIGURES)
class AuditChainIT {

    @Test
    void activityThroughTheApiIsChainedAndVerifiesIntact() {
        var records = newWritsRecords();

        var verification = verify("dave");

        assertThat(Json.bool(verification, "valid")).as(verification).isTrue();
        assertThat(Json.object(verification, "firstBrokenRecord")).isNull();
        assertThat(Json.number(verification, "records")).isGreaterThanOrEqualTo(records.get(1).seq());
        assertThat(records.get(1).seq()).as("the policy follows the submission in the same transaction")
                .isEqualTo(records.get(0).seq() + 1);
        assertThat(records.get(1).prevHash()).as("each record names the one before it")
                .isEqualTo(records.get(0).hash());
    }

    @Test
    void concurrentActivityIsChainedInOneOrder() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        List<String> writs;
        try {
            var submissions = new ArrayList<Future<String>>();
            for (int i = 0; i < 8; i++) {
                submissions.add(pool.submit(AuditChainIT::submitAndWithdraw));
            }
            writs = new ArrayList<>();
            for (var submission : submissions) {
                writs.add(submission.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        var seqs = writs.stream().flatMap(w -> PortalDatabase.auditAbout("writ:" + w).stream())
                .map(PortalDatabase.AuditRow::seq).toList();
        assertThat(seqs).hasSize(3 * 8).doesNotHaveDuplicates();
        assertIntact();
    }

    @Test
    void aChangedDetailIsFoundAtThatRecord() {
        var submitted = newWritsRecords().get(0);
        assertIntact();
        try {
            PortalDatabase.setDetail(submitted.id(), "nothing happened here");

            var broken = firstBroken(verify("erin"));

            assertThat(Json.number(broken, "seq")).isEqualTo(submitted.seq());
            assertThat(Json.number(broken, "id")).isEqualTo(submitted.id());
            assertThat(Json.string(broken, "problem")).isEqualTo("CHANGED");
        } finally {
            PortalDatabase.setDetail(submitted.id(), submitted.detail());
        }
        assertIntact();
    }

    @Test
    void aDeletedRecordIsFoundAtTheGap() {
        var submitted = newWritsRecords().get(0);
        assertIntact();
        try {
            PortalDatabase.tamper("delete from audit_record where id = " + submitted.id());

            var broken = firstBroken(verify("dave"));

            assertThat(Json.number(broken, "seq")).isEqualTo(submitted.seq());
            assertThat(Json.number(broken, "id")).as("a missing record has no id").isNull();
            assertThat(Json.string(broken, "problem")).isEqualTo("MISSING");
            assertThat(Json.string(broken, "detail")).contains("record " + submitted.seq() + " is missing");
        } finally {
            PortalDatabase.restoreIfDeleted(submitted);
        }
        assertIntact();
    }

    @Test
    void twoRecordsSwappedAreFound() {
        var records = newWritsRecords();
        var first = records.get(0);
        var second = records.get(1);
        assertIntact();
        try {
            PortalDatabase.tamper(
                    "update audit_record set seq = -1 * seq where id = " + first.id(),
                    "update audit_record set seq = " + first.seq() + " where id = " + second.id(),
                    "update audit_record set seq = " + second.seq() + " where id = " + first.id());

            var broken = firstBroken(verify("dave"));

            assertThat(Json.number(broken, "seq")).isEqualTo(first.seq());
            assertThat(Json.number(broken, "id")).as("the record now in that place").isEqualTo(second.id());
            assertThat(Json.string(broken, "problem")).isEqualTo("REORDERED");
        } finally {
            if (PortalDatabase.auditAt(first.seq()).id() != first.id()) {
                PortalDatabase.tamper(
                        "update audit_record set seq = -1 * seq where id = " + second.id(),
                        "update audit_record set seq = " + first.seq() + " where id = " + first.id(),
                        "update audit_record set seq = " + second.seq() + " where id = " + second.id());
            }
        }
        assertIntact();
        assertThat(PortalDatabase.auditAt(first.seq())).isEqualTo(first);
        assertThat(PortalDatabase.auditAt(second.seq())).isEqualTo(second);
    }

    @Test
    void verifyingIsItselfAudited() {
        verify("erin");

        var recorded = PortalDatabase.newest("audit.verified");

        assertThat(recorded.actor()).isEqualTo("erin");
        assertThat(recorded.subject()).isEqualTo("audit:trail");
        assertThat(recorded.detail()).startsWith("intact: ");
    }

    @Test
    void onlySecurityAndComplianceVerify() {
        assertThat(Http.get("/api/v1/audit/verify", token("alice")).statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/audit/checkpoints", token("alice")).statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/audit/verify", token("bob")).statusCode()).isEqualTo(403);
        assertThat(Http.get("/api/v1/audit/verify").statusCode()).isEqualTo(401);
        assertThat(Http.get("/api/v1/audit/verify", token("erin")).statusCode()).isEqualTo(200);
    }

    @Test
    void anAuditorChecksTheLatestCheckpointOfflineWithThePublishedKey() throws Exception {
        newWritsRecords();
        var answer = Http.get("/api/v1/audit/checkpoints?latest=3", token("erin"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var body = answer.body();
        assertThat(Json.string(body, "algorithm")).isEqualTo("Ed25519");
        var latest = Pattern.compile("\"checkpoints\"\\s*:\\s*\\[(\\{[^{}]*})").matcher(body);
        assertThat(latest.find()).as("a checkpoint in " + body).isTrue();
        var checkpoint = latest.group(1);

        // What the README tells an auditor: the signed text, the signature and the public key...
        var publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(Json.unescaped(Json.string(body, "publicKey")))));
        var signedText = Json.unescaped(Json.string(checkpoint, "signedText"));
        var signature = Signature.getInstance("Ed25519");
        signature.initVerify(publicKey);
        signature.update(signedText.getBytes(StandardCharsets.UTF_8));
        assertThat(signature.verify(Base64.getDecoder().decode(Json.unescaped(Json.string(checkpoint, "signature")))))
                .as("the signature checks out with the published key").isTrue();
        var seq = Json.number(checkpoint, "seq");
        assertThat(signedText).startsWith("writ-audit-checkpoint/1\n" + seq + "\n" + Json.string(checkpoint, "hash"));

        // ...and the record at that place, rehashed from its stored fields by the README's recipe, is the one signed.
        var record = PortalDatabase.auditAt(seq);
        assertThat(sha256(canonical(record))).isEqualTo(record.hash()).isEqualTo(Json.string(checkpoint, "hash"));

        // The key pair lives in the data directory, readable by its owner only; its public half is the one published.
        var keyFile = Path.of(System.getenv("WRIT_DATA_DIR"), "audit-checkpoint-key.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(Files.readString(keyFile).replace("\n", "")).contains(Json.unescaped(Json.string(body, "publicKey")));

        var bad = Http.get("/api/v1/audit/checkpoints?latest=0", token("erin"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"latest\"");
    }

    @Test
    void daveVerifiesOnThePageAndSeesItIntact() {
        newWritsRecords();
        try (var dave = Person.signIn("dave")) {
            dave.browser.findElement(By.id("nav-audit")).click();
            dave.waitFor(By.id("verify:run"), "the audit trail page");
            assertThat(dave.text(By.id("trail:table"))).contains("writ.", "alice");
            dave.screenshot("audit-trail-dave");

            dave.browser.findElement(By.id("verify:run")).click();

            var intact = dave.waitFor(By.id("verify:intact"), "the verdict");
            assertThat(intact.getText()).startsWith("Intact.").contains("records", "signed checkpoints checked");
            var newest = dave.waitFor(By.cssSelector("#trail\\:table tbody tr"), "the newest record");
            assertThat(newest.getText()).contains("audit.verified", "dave", "intact");
            dave.screenshot("audit-trail-intact-dave");
        }
    }

    @Test
    void erinSeesTheBrokenRecordOnThePage() {
        var submitted = newWritsRecords().get(0);
        assertIntact();
        try (var erin = Person.signIn("erin")) {
            erin.open("/audit.xhtml", By.id("verify:run"));
            try {
                PortalDatabase.setDetail(submitted.id(), "rewritten by someone with database access");

                erin.browser.findElement(By.id("verify:run")).click();

                var broken = erin.waitFor(By.id("verify:broken"), "the broken verdict");
                assertThat(broken.getText()).startsWith("Broken at record " + submitted.seq() + " (id "
                        + submitted.id() + "): CHANGED.");
                erin.screenshot("audit-trail-broken-erin");
            } finally {
                PortalDatabase.setDetail(submitted.id(), submitted.detail());
            }
        }
        assertIntact();
    }

    @Test
    void aRequesterCannotOpenTheAuditPage() {
        try (var alice = Person.signIn("alice")) {
            assertThat(alice.browser.findElements(By.id("nav-audit"))).as("no audit link for a requester").isEmpty();

            alice.open("/audit.xhtml", By.id("forbidden"));

            alice.screenshot("audit-trail-forbidden-alice");
            assertThat(alice.status("/audit.xhtml")).isEqualTo(403);
        }
    }

    /**
     * Records some activity: alice asks for a writ and withdraws it (nothing is granted in Keycloak, so nothing is left
     * behind for the tests after these). Returns the writ's audit records, oldest first.
     */
    private static List<PortalDatabase.AuditRow> newWritsRecords() {
        var writ = submitAndWithdraw();
        var records = PortalDatabase.auditAbout("writ:" + writ);
        assertThat(records).extracting(PortalDatabase.AuditRow::action)
                .containsExactly("writ.submitted", "writ.policy-applied", "writ.cancelled");
        return records;
    }

    private static String submitAndWithdraw() {
        var writ = submitted(token("alice"), "payments-operator", openTicket(), 15);
        var cancelled = Http.post("/api/v1/requests/" + writ + "/cancel", token("alice"), "");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        return writ;
    }

    private static String verify(String user) {
        var answer = Http.get("/api/v1/audit/verify", token(user));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static String firstBroken(String verification) {
        assertThat(Json.bool(verification, "valid")).as(verification).isFalse();
        var broken = Json.object(verification, "firstBrokenRecord");
        assertThat(broken).as(verification).isNotNull();
        return broken;
    }

    private static void assertIntact() {
        var verification = verify("dave");
        assertThat(Json.bool(verification, "valid")).as(verification).isTrue();
    }

    /** The README's canonical text of a record, written out again here, independently of the portal's code. */
    private static String canonical(PortalDatabase.AuditRow r) {
        var time = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .format(r.at().toInstant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        return String.join("\n", "writ-audit/1", Long.toString(r.seq()), time, field(r.actor()), field(r.action()),
                field(r.subject()), field(r.detail()), r.prevHash());
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
