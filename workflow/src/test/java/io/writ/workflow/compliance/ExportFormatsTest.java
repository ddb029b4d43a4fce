package io.writ.workflow.compliance;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import gov.nist.secauto.metaschema.binding.io.Format;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.EvidencePeriod;
import io.writ.domain.compliance.EvidenceRecord;
import io.writ.domain.compliance.MappingVersion;
import io.writ.domain.compliance.PortalControl;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each export format written from a known report and read back with its own library. */
class ExportFormatsTest {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-11-08T00:00:00Z");

    static ComplianceReport report() {
        var catalogue = CatalogueFiles.catalogue();
        var mapping = MappingVersion.initial(CatalogueFiles.initialMapping(catalogue), "mapping.csv", FROM);
        var figures = List.of(
                new EvidenceFigure("ticket-share", PortalControl.TICKET_BACKED_ELEVATION, "Elevations with a valid ticket",
                        "share", Optional.of(50.0), "%", "50.0 % (1 of 2)", true, List.of(
                        new EvidenceRecord("writ", "w-1", true, "ticket CHG-1"),
                        new EvidenceRecord("writ", "w-2", false, "no ticket"))),
                new EvidenceFigure("reviews-on-time", PortalControl.ACCESS_REVIEWS, "Access reviews completed on time",
                        "share", Optional.empty(), "%", EvidenceFigure.NO_SOURCE, false, List.of()),
                new EvidenceFigure("audit-chain-intact", PortalControl.TAMPER_EVIDENT_AUDIT, "Audit chain intact",
                        "verified", Optional.of(1.0), "yes/no", "yes: intact", true,
                        List.of(new EvidenceRecord("checkpoint", "7", true, "checkpoint"))));
        return new ComplianceReport(new EvidencePeriod(FROM, TO), TO, "erin", catalogue, mapping, figures, true,
                "intact: 7 records", Optional.of(new Checkpoint(7, "ab".repeat(32), TO, "c2ln")),
                "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n");
    }

    static byte[] export(ExportFormat format) throws Exception {
        var out = new ByteArrayOutputStream();
        FrameworkExports.write(format, report(), java.util.List.of(), out);
        return out.toByteArray();
    }

    @Test
    void theCsvHasARowPerMappedControlAndFigureAndShowsGaps() throws Exception {
        var rows = CsvRows.read(new InputStreamReader(new ByteArrayInputStream(export(ExportFormat.CSV)),
                StandardCharsets.UTF_8));

        assertThat(rows).filteredOn(r -> r.get("figure").equals("ticket-share") && r.get("control_id").equals("6.1"))
                .singleElement().satisfies(r -> {
                    assertThat(r.get("value")).isEqualTo("50.0");
                    assertThat(r.get("records")).isEqualTo("writ:w-1 writ:w-2");
                    assertThat(r.get("exceptions")).isEqualTo("writ:w-2");
                    assertThat(r.get("mapping_version")).isEqualTo("1");
                });
        assertThat(rows).filteredOn(r -> r.get("control_id").equals("NHI3:2025")).singleElement()
                .satisfies(r -> assertThat(r.get("portal_control")).as("a gap").isEmpty());
        assertThat(rows).filteredOn(r -> r.get("figure").equals("reviews-on-time")).first()
                .satisfies(r -> assertThat(r.get("shown")).isEqualTo("no evidence source yet"));
    }

    @Test
    void theWorkbookOpensInPoiWithEvidenceRecordsMappingAndCoverage() throws Exception {
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(export(ExportFormat.XLSX)))) {
            var evidence = book.getSheet("Evidence");
            assertThat(evidence.getRow(1).getCell(1).getStringCellValue()).isEqualTo("ticket-share");
            assertThat(evidence.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(50.0);
            assertThat(evidence.getRow(2).getCell(3).getStringCellValue()).isEqualTo("no evidence source yet");
            assertThat(book.getSheet("Records").getRow(2).getCell(2).getStringCellValue()).isEqualTo("w-2");
            assertThat(book.getSheet("Mapping").getLastRowNum()).isEqualTo(report().mapping().entries().size());
            assertThat(book.getSheet("Coverage").getRow(3).getCell(1).getStringCellValue()).isEqualTo("NHI3:2025");
            assertThat(book.getSheet("Coverage").getRow(3).getCell(4).getStringCellValue()).isEqualTo("GAP");
        }
    }

    @Test
    void thePdfTextNamesTheFiguresTheGapsAndTheCorrections() throws Exception {
        var reader = new PdfReader(export(ExportFormat.PDF));
        var text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
        }

        assertThat(text).contains("Writ compliance report").contains("Elevations with a valid ticket")
                .contains("50.0 % (1 of 2)").contains("no evidence source yet").contains("Vulnerable Third-Party NHI")
                .contains("NHI7:2025").contains("w-2");
    }

    @Test
    void theOscalAssessmentResultsValidateAndLoadWithLiboscal() throws Exception {
        var json = export(ExportFormat.OSCAL);

        assertThat(OscalReport.validate(new ByteArrayInputStream(json)).isPassing()).isTrue();
        var loaded = OscalBindingContext.instance().newDeserializer(Format.JSON, AssessmentResults.class)
                .deserialize(new ByteArrayInputStream(json), URI.create("urn:test"));
        assertThat(loaded.getMetadata().getOscalVersion()).isEqualTo("1.1.2");
        var result = loaded.getResults().get(0);
        assertThat(result.getObservations()).hasSize(3);
        assertThat(result.getFindings()).hasSize(report().mapping().entries().size());
        var text = new String(json, StandardCharsets.UTF_8);
        assertThat(text).contains("\"control-id\" : \"PR.AA-05\"").contains("owasp-nhi-2025_nhi7-2025")
                .contains("NHI7:2025").contains("not-satisfied");
    }

    @Test
    void theBundleManifestVerifiesAndNamesAChangedFile() throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(export(ExportFormat.BUNDLE)))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }

        assertThat(files).containsKeys("evidence.csv", "report.xlsx", "report.pdf", "assessment-results.json",
                "checkpoint.json", "checkpoint-signed-text.txt", "checkpoint.sig", "checkpoint-public-key.pem",
                "receipts.jsonl", "README.txt", "SHA256SUMS");
        assertThat(BundleManifest.problems(files)).isEmpty();
        var changed = new LinkedHashMap<>(files);
        changed.put("evidence.csv", "forged".getBytes(StandardCharsets.UTF_8));
        assertThat(BundleManifest.problems(changed)).containsExactly(
                "evidence.csv: changed (its SHA-256 is not the manifest's)");
        var extra = new LinkedHashMap<String, byte[]>(Map.copyOf(files));
        extra.remove("report.pdf");
        assertThat(BundleManifest.problems(extra)).containsExactly("report.pdf: listed but missing");
    }
}
