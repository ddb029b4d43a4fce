package io.writ.web.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import gov.nist.secauto.metaschema.binding.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import io.writ.domain.Sha256;
import io.writ.workflow.compliance.BundleManifest;
import io.writ.workflow.compliance.CsvRows;
import io.writ.workflow.compliance.OscalReport;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import static io.writ.web.it.SessionEvents.event;
import static io.writ.web.it.SessionEvents.report;
import static io.writ.web.it.Writs.awaitRevoked;
import static io.writ.web.it.Writs.awaitStatus;
import static io.writ.web.it.Writs.decide;
import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Compliance exports against the running portal and the real Keycloak. The test makes its own records in a period
 * no other test writes to (an ended writ, a contained one, an unlinked session), then reads each export back with
 * its own library and checks that the figures are those records; the evidence bundle's manifest verifies and
 * catches a changed file; everyone but compliance gets 403; mapping edits make audited versions.
 */
@ExtendWith(TestPortal.class)
@ResourceLock(TestPortal.FIGURES)
class ComplianceExportIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String EXPORT = "/api/v1/exports/frameworks";
    private static final List<String> FORMATS = List.of("csv", "xlsx", "pdf", "oscal", "bundle");

    private static String from;
    private static String to;
    private static String ended;
    private static String contained;
    private static String unlinkedSession;


    @BeforeAll
    static void recordsOfAPeriod() {
        // The period starts now: the classes before this one ran on the same portal moments ago, and what they did
        // (a campaign started in their last second, say) is not this test's to count.
        var start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        ended = Writs.submitted(token("alice"), "payments-operator", openTicket(), 30);
        assertThat(decide("bob", ended, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", ended, "ACTIVE", SOON);
        assertThat(Http.post("/api/v1/requests/" + ended + "/end", token("alice"), "").statusCode()).isEqualTo(200);
        awaitRevoked("alice", ended, SOON);

        var response = Http.post("/api/v1/requests", token("alice"), "{\"entitlement\":\"prod-db-admin\","
                + "\"ticket\":" + Json.quote(openTicket()) + ",\"justification\":\"rebuild the orders index\","
                + "\"durationMinutes\":30,\"scope\":{\"targets\":[\"orders-db-*\"],\"commands\":[\"psql*\"]}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        contained = Json.string(response.body(), "id");
        assertThat(decide("bob", contained, "APPROVE", null).statusCode()).isEqualTo(200);
        assertThat(decide("carol", contained, "APPROVE", null).statusCode()).isEqualTo(200);
        awaitStatus("alice", contained, "ACTIVE", SOON);
        var bastion = "bastion-" + UUID.randomUUID();
        var now = Instant.now();
        var answer = report("[" + event(bastion, "alice", "SESSION_START", now, "orders-db-1", "ssh") + ","
                + event(bastion, "alice", "COMMAND", now.plusMillis(1), "orders-db-1", "drop database orders") + "]");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(Json.string(awaitRevoked("alice", contained, SOON), "status")).isEqualTo("CONTAINED");

        var contractor = "contractor-" + UUID.randomUUID().toString().substring(0, 8);
        var lone = "bastion-" + UUID.randomUUID();
        assertThat(report(event(lone, contractor, "COMMAND", Instant.now(), "orders-db-1", "psql")).body())
                .contains("\"accepted\":1");
        var unlinked = Http.get("/api/v1/sessions?link=UNLINKED", token("dave")).body();
        var at = unlinked.indexOf("\"sourceSessionId\":\"" + lone + "\"");
        assertThat(at).isPositive();
        var session = unlinked.substring(unlinked.lastIndexOf("{\"commands\"", at), at);
        unlinkedSession = Json.string(session, "id");

        from = start.toString();
        to = Instant.now().plusSeconds(1).toString();
        // containment finishes (alert CONTAINED) a moment after the revocation is read back. One evidence read
        // verifies the whole audit chain and reads the NHI inventory from Keycloak: late in the suite, on a busy
        // machine, a single read took over 20 s once (noted as a performance issue), hence the longer wait.
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(figure(evidence(), "contained-writs")).contains("\"value\":1.0"));
    }

    private static String evidence() {
        var r = Http.get("/api/v1/compliance/evidence?from=" + from + "&to=" + to, token("erin"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** One figure of the evidence answer (JSON-B writes fields alphabetically: key, name, …, value). */
    private static String figure(String evidence, String key) {
        var at = evidence.indexOf("\"key\":\"" + key + "\"");
        var next = evidence.indexOf("\"key\":", at + 1);
        return evidence.substring(at, next < 0 ? evidence.length() : next);
    }

    private static byte[] export(String format) {
        var r = Http.download(EXPORT + "?format=" + format + "&from=" + from + "&to=" + to, token("erin"));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).get().asString().contains("writ-compliance-");
        return r.body();
    }

    @Test
    void theCsvFiguresAreTheRecordsTheTestMade() throws Exception {
        var rows = CsvRows.read(new InputStreamReader(new ByteArrayInputStream(export("csv")), StandardCharsets.UTF_8));
        var byFigure = new LinkedHashMap<String, Map<String, String>>();
        rows.stream().filter(r -> !r.get("figure").isEmpty()).forEach(r -> byFigure.putIfAbsent(r.get("figure"), r));

        assertThat(byFigure.get("ticket-share").get("shown")).isEqualTo("100.0 % (2 of 2)");
        assertThat(byFigure.get("ticket-share").get("records")).isEqualTo("writ:" + ended + " writ:" + contained);
        assertThat(byFigure.get("sod-clean-approvals").get("shown")).isEqualTo("100.0 % (3 of 3)");
        assertThat(byFigure.get("contained-writs").get("value")).isEqualTo("1.0");
        assertThat(byFigure.get("contained-writs").get("records")).isEqualTo("writ:" + contained);
        assertThat(byFigure.get("revocation-lag-mean").get("records")).contains("writ:" + ended)
                .contains("writ:" + contained);
        assertThat(byFigure.get("grants-past-window").get("value")).isEqualTo("0.0");
        assertThat(byFigure.get("unlinked-sessions").get("exceptions")).contains("session:" + unlinkedSession);
        assertThat(byFigure.get("unlinked-sessions").get("value")).isEqualTo(
                (double) byFigure.get("unlinked-sessions").get("exceptions").split(" ").length + "");
        assertThat(byFigure.get("audit-chain-intact").get("value")).isEqualTo("1.0");
        assertThat(byFigure.get("reviews-on-time").get("shown")).as("no campaign in the test's own period")
                .isEqualTo("nothing in the period");
        assertThat(byFigure.get("nhis-with-owner").get("shown")).as("from the NHI inventory in Keycloak")
                .contains(" of ");
        assertThat(rows).filteredOn(r -> r.get("control_id").equals("NHI3:2025")).singleElement()
                .satisfies(r -> assertThat(r.get("portal_control")).as("a gap, not a rotation control").isEmpty());
    }

    @Test
    void theWorkbookOpensInPoiWithTheSameFigures() throws Exception {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx")))) {
            var evidence = book.getSheet("Evidence");
            var shown = new LinkedHashMap<String, String>();
            for (int i = 1; i <= evidence.getLastRowNum(); i++) {
                shown.put(evidence.getRow(i).getCell(1).getStringCellValue(),
                        evidence.getRow(i).getCell(5).getStringCellValue());
            }
            assertThat(shown).containsEntry("ticket-share", "100.0 % (2 of 2)")
                    .containsEntry("contained-writs", "1 writs").containsEntry("reviews-on-time", "nothing in the period");
            var records = book.getSheet("Records");
            var ids = new java.util.ArrayList<String>();
            for (int i = 1; i <= records.getLastRowNum(); i++) {
                if (records.getRow(i).getCell(0).getStringCellValue().equals("ticket-share")) {
                    ids.add(records.getRow(i).getCell(2).getStringCellValue());
                }
            }
            assertThat(ids).containsExactly(ended, contained);
        }
    }

    @Test
    void thePdfReportsTheFiguresAndTheirRecords() throws Exception {
        var reader = new PdfReader(export("pdf"));
        var text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }
        var flat = text.toString().replaceAll("\\s+", " ");

        assertThat(flat).contains("Writ compliance report").contains("100.0 % (2 of 2)").contains("100.0 % (3 of 3)")
                .contains("nothing in the period").contains(ended).contains(contained).contains(unlinkedSession);
    }

    @Test
    void theOscalAssessmentResultsLoadAndValidateWithLiboscal() throws Exception {
        var json = export("oscal");

        var validation = OscalReport.validate(new ByteArrayInputStream(json));
        assertThat(validation.isPassing()).as(validation.getFindings().toString()).isTrue();
        var results = OscalBindingContext.instance().newDeserializer(Format.JSON, AssessmentResults.class)
                .deserialize(new ByteArrayInputStream(json), URI.create("urn:export"));
        var result = results.getResults().get(0);
        assertThat(result.getStart().toInstant()).isEqualTo(Instant.parse(from));
        var ticket = result.getObservations().stream()
                .filter(o -> o.getTitle().toMarkdown().equals("Elevations with a valid ticket")).findFirst().orElseThrow();
        assertThat(ticket.getDescription().toMarkdown()).startsWith("100.0 % (2 of 2)");
        assertThat(ticket.getRelevantEvidence()).hasSize(2);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("writ:" + contained).contains("PR.AA-05");
    }

    @Test
    void theBundleVerifiesOfflineAndCatchesAChangedFile() throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(export("bundle")))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        // As sha256sum -c would: every listed file's hash, recomputed.
        var manifest = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
        for (var line : manifest.split("\n")) {
            var hash = line.substring(0, 64);
            var name = line.substring(66);
            assertThat(Sha256.hex(Sha256.digest().digest(files.get(name)))).as(name).isEqualTo(hash);
        }
        assertThat(manifest).contains("evidence.csv").contains("report.pdf").contains("assessment-results.json");
        assertThat(BundleManifest.problems(files)).isEmpty();
        var changed = new LinkedHashMap<>(files);
        changed.put("evidence.csv", new String(files.get("evidence.csv"), StandardCharsets.UTF_8)
                .replace("100.0 %", "99.0 %").getBytes(StandardCharsets.UTF_8));
        assertThat(BundleManifest.problems(changed)).containsExactly(
                "evidence.csv: changed (its SHA-256 is not the manifest's)");

        // The latest checkpoint checks out with the public key in the bundle, which is the portal's published one.
        var pem = new String(files.get("checkpoint-public-key.pem"), StandardCharsets.UTF_8);
        assertThat(Http.get("/api/v1/audit/checkpoints", token("erin")).body().replace("\\n", "\n"))
                .contains(pem.strip());
        var key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", ""))));
        var signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(files.get("checkpoint-signed-text.txt"));
        assertThat(signature.verify(files.get("checkpoint.sig"))).isTrue();
        assertThat(new String(files.get("README.txt"), StandardCharsets.UTF_8)).contains("sha256sum -c SHA256SUMS")
                .contains("receipts.jsonl");

        // Every receipt of the period's granted writs, each signed with the same key.
        var receipts = new String(files.get("receipts.jsonl"), StandardCharsets.UTF_8).lines().toList();
        assertThat(receipts).anySatisfy(line -> assertThat(line).contains("\"writ\":\"" + ended + "\""));
        for (var line : receipts) {
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
                var receipt = reader.readObject();
                signature.initVerify(key);
                signature.update(receipt.getString("signedText").getBytes(StandardCharsets.UTF_8));
                assertThat(signature.verify(Base64.getDecoder().decode(receipt.getString("signature"))))
                        .as(receipt.getJsonObject("receipt").getString("writ")).isTrue();
            }
        }
    }

    @Test
    void theRevocationsOfThePeriodHaveCompleteReceipts() {
        // Keycloak's records corroborate a grant and a removal within seconds (read every 5 s, once 3 s old).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                figure(evidence(), "revocations-with-complete-receipt")).contains("\"value\":100.0"));
    }

    @Test
    void everyExportIsRecordedInTheAuditTrail() {
        var before = PortalDatabase.auditAbout("mapping:frameworks").size();
        export("csv");
        var after = PortalDatabase.auditAbout("mapping:frameworks");

        assertThat(after).hasSize(before + 1);
        var last = after.get(after.size() - 1);
        assertThat(last.action()).isEqualTo("compliance.exported");
        assertThat(last.actor()).isEqualTo("erin");
        assertThat(last.detail()).startsWith("CSV export of " + from);
    }

    @Test
    void nobodyButComplianceMayExport() {
        for (var user : List.of("alice", "bob", "dave", "admin")) {
            for (var format : FORMATS) {
                assertThat(Http.download(EXPORT + "?format=" + format, token(user)).statusCode())
                        .as(user + " " + format).isEqualTo(403);
            }
            assertThat(Http.get("/api/v1/compliance/mapping", token(user)).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(Http.download(EXPORT + "?format=csv", null).statusCode()).isEqualTo(401);
    }

    @Test
    void badParametersAreNamedAndExportNothing() {
        var before = PortalDatabase.auditAbout("mapping:frameworks").size();
        var answer = Http.get(EXPORT + "?format=docx&from=yesterday&to=2026-01-01", token("erin"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"format\"").contains("\"field\":\"from\"").contains("docx");
        var reversed = Http.get(EXPORT + "?format=csv&from=2026-02-01&to=2026-01-01", token("erin"));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("\"field\":\"to\"");
        assertThat(Http.get(EXPORT, token("erin")).body()).contains("\"field\":\"format\"");
        assertThat(PortalDatabase.auditAbout("mapping:frameworks")).hasSize(before);
    }

    @Test
    void aMappingEditIsANewAuditedVersionAndAWrongIdIsRefused() {
        var current = Http.get("/api/v1/compliance/mapping", token("erin")).body();
        var version = Json.number(current, "version");
        var rationale = "session evidence shows people do not borrow service accounts " + UUID.randomUUID();

        var edited = Http.put("/api/v1/compliance/mapping/entries", token("erin"), "{\"portalControl\":"
                + "\"SESSION_EVIDENCE_LINKING\",\"framework\":\"OWASP-NHI-2025\",\"controlId\":\"NHI10:2025\","
                + "\"relationship\":\"intersects-with\",\"rationale\":" + Json.quote(rationale) + "}");

        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(Json.number(edited.body(), "version")).isEqualTo(version + 1);
        assertThat(edited.body()).contains(rationale);
        assertThat(Http.get("/api/v1/compliance/mapping/versions/" + version, token("erin")).body())
                .as("the former version is kept as it was").doesNotContain(rationale);
        assertThat(PortalDatabase.newest("mapping.revised").detail()).startsWith("version " + (version + 1))
                .contains(rationale);

        var wrong = Http.put("/api/v1/compliance/mapping/entries", token("erin"), "{\"portalControl\":"
                + "\"SEPARATION_OF_DUTIES\",\"framework\":\"NIST-CSF-2.0\",\"controlId\":\"PR.AC-4\","
                + "\"relationship\":\"intersects-with\",\"rationale\":\"least privilege\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"field\":\"controlId\"").contains("PR.AA-05");
        assertThat(Json.number(Http.get("/api/v1/compliance/mapping", token("erin")).body(), "version"))
                .as("a refused edit changes nothing").isEqualTo(version + 1);

        var removed = Http.delete("/api/v1/compliance/mapping/entries?portalControl=SESSION_EVIDENCE_LINKING"
                + "&framework=OWASP-NHI-2025&controlId=NHI10:2025", token("erin"));
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain(rationale);
    }
}
