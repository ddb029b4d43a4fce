package io.writ.workflow.compliance;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The export formats of the mapping with its evidence. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf"),
    OSCAL("application/json", "oscal.json"),
    BUNDLE("application/zip", "zip");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }

    public String fileName(ComplianceReport report) {
        return "writ-compliance-" + report.period().from().toString().substring(0, 10) + "-to-"
                + report.period().to().toString().substring(0, 10) + "." + extension;
    }

    public static Optional<ExportFormat> of(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name.strip().toUpperCase(Locale.ROOT))).findFirst();
    }
}
