package io.writ.workflow.compliance;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.compliance.EvidencePeriod;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Optional;

/**
 * An export as asked for by the API or the page: the format, and the period as {@code from} and {@code to}, each an
 * ISO date ({@code 2026-11-01}; {@code to} then includes that whole day, UTC) or an ISO instant. Without {@code to},
 * the period ends now; without {@code from}, it covers the {@link #DEFAULT_SPAN} before {@code to}.
 */
public record ExportRequest(Optional<ExportFormat> format, EvidencePeriod period) {

    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    /** Checks every parameter, and names every wrong one ({@link InvalidRequest}). */
    public static ExportRequest of(String format, String from, String to, Instant now, boolean formatRequired) {
        var errors = new ArrayList<FieldError>();
        Optional<ExportFormat> f = Optional.empty();
        if (format == null || format.isBlank()) {
            if (formatRequired) {
                errors.add(new FieldError("format", "is required: csv, xlsx, pdf, oscal or bundle"));
            }
        } else {
            f = ExportFormat.of(format);
            if (f.isEmpty()) {
                errors.add(new FieldError("format", "'" + format + "' is not one of csv, xlsx, pdf, oscal, bundle"));
            }
        }
        var end = instant(to, true, "to", errors);
        var start = instant(from, false, "from", errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        var periodEnd = end.orElse(now);
        return new ExportRequest(f, new EvidencePeriod(start.orElse(periodEnd.minus(DEFAULT_SPAN)), periodEnd));
    }

    private static Optional<Instant> instant(String value, boolean endOfDay, String field,
                                             java.util.List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        var v = value.strip();
        try {
            if (v.length() == 10) {
                var day = LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
                return Optional.of(endOfDay ? day.plus(Duration.ofDays(1)) : day);
            }
            return Optional.of(Instant.parse(v));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "'" + v + "' is not an ISO date (2026-11-01) or instant "
                    + "(2026-11-01T09:00:00Z)"));
            return Optional.empty();
        }
    }
}
