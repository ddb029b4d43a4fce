package io.writ.workflow.compliance;

import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.EvidenceRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The mapping with its evidence as CSV: one row per framework control, portal control mapped to it and figure of
 * that portal control; a framework control nobody covers is one row with an empty portal control (a gap).
 */
final class CsvReport {

    static final List<String> HEADER = List.of("framework", "control_id", "control_label", "control_title",
            "portal_control", "relationship", "rationale", "note", "figure", "figure_name", "value", "unit", "shown",
            "records", "exceptions", "period_from", "period_to", "mapping_version");

    private CsvReport() {
    }

    static void write(ComplianceReport r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(CsvRows.line(HEADER));
        for (var framework : r.catalogue().frameworks()) {
            for (var c : r.coverage(framework.id())) {
                var control = c.control();
                if (c.gap()) {
                    w.write(CsvRows.line(row(r, List.of(framework.id(), control.id(), control.label(), control.title()),
                            List.of("", "", "", ""), null)));
                    continue;
                }
                for (var e : c.coveredBy()) {
                    var mapping = List.of(e.control().name(), e.relationship().term(), e.rationale(), e.note().orElse(""));
                    for (var f : r.figuresOf(e.control())) {
                        w.write(CsvRows.line(row(r, List.of(framework.id(), control.id(), control.label(),
                                control.title()), mapping, f)));
                    }
                }
            }
            w.flush();
        }
        w.flush();
    }

    private static List<String> row(ComplianceReport r, List<String> control, List<String> mapping, EvidenceFigure f) {
        var row = new ArrayList<String>(control);
        row.addAll(mapping);
        if (f == null) {
            row.addAll(List.of("", "", "", "", "", "", ""));
        } else {
            row.addAll(List.of(f.key(), f.name(), f.value().map(String::valueOf).orElse(""), f.unit(), f.shown(),
                    ids(f.records()), ids(f.exceptions())));
        }
        row.addAll(List.of(r.period().from().toString(), r.period().to().toString(),
                Integer.toString(r.mapping().number())));
        return row;
    }

    static String ids(List<EvidenceRecord> records) {
        return records.stream().map(x -> x.kind() + ":" + x.id()).distinct().collect(Collectors.joining(" "));
    }
}
