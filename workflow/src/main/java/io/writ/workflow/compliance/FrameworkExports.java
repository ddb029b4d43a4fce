package io.writ.workflow.compliance;

import io.writ.domain.compliance.EvidencePeriod;
import io.writ.workflow.receipt.Receipts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Exports the mapping with its evidence. The report is read and the export recorded in the audit trail first, in
 * one transaction; the file is then written as it streams, outside any transaction, however long the period.
 */
@ApplicationScoped
public class FrameworkExports {

    @Inject
    ComplianceDesk desk;

    @Inject
    Receipts receipts;

    /** An export ready to stream: its file name, media type, and the writing. */
    public record Export(String fileName, String mediaType, Writing writing) {
    }

    @FunctionalInterface
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    public Export prepare(ExportFormat format, EvidencePeriod period, String by) {
        var report = desk.report(period, by);
        desk.recordExport(report, format.name());
        // The bundle holds every receipt of the period, signed as the API gives them.
        var signed = format == ExportFormat.BUNDLE
                ? receipts.ofAll(desk.grantedWritsOf(period)) : List.<Receipts.Signed>of();
        return new Export(format.fileName(report), format.mediaType(), out -> write(format, report, signed, out));
    }

    static void write(ExportFormat format, ComplianceReport report, List<Receipts.Signed> receipts,
                      OutputStream out) throws IOException {
        switch (format) {
            case CSV -> CsvReport.write(report, out);
            case XLSX -> XlsxReport.write(report, out);
            case PDF -> PdfReport.write(report, out);
            case OSCAL -> OscalReport.write(report, out);
            case BUNDLE -> EvidenceBundle.write(report, out, o -> OscalReport.write(report, o),
                    o -> o.write(BundleManifest.bytes(receipts.stream().map(r -> r.asJson() + "\n")
                            .collect(java.util.stream.Collectors.joining()))));
        }
    }
}
