package io.writ.workflow.compliance;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The mapping with its evidence as a workbook: Evidence (one row per figure), Records (the drill-down: every record
 * behind every figure), Mapping (one row per entry), Coverage (every framework control, covered or a gap) and About
 * (period, mapping version, audit chain). Written with POI's streaming workbook, so a long period keeps only a
 * window of rows in memory.
 */
final class XlsxReport {

    private XlsxReport() {
    }

    static void write(ComplianceReport r, OutputStream out) throws IOException {
        try (var book = new SXSSFWorkbook(200)) {
            var evidence = sheet(book.createSheet("Evidence"), List.of("portal_control", "figure", "name", "value",
                    "unit", "shown", "records", "exceptions", "definition"));
            int i = 1;
            for (var f : r.figures()) {
                Row row = evidence.createRow(i++);
                row.createCell(0).setCellValue(f.control().name());
                row.createCell(1).setCellValue(f.key());
                row.createCell(2).setCellValue(f.name());
                if (f.value().isPresent()) {
                    row.createCell(3).setCellValue(f.value().get());
                } else {
                    row.createCell(3).setCellValue(f.shown());
                }
                row.createCell(4).setCellValue(f.unit());
                row.createCell(5).setCellValue(f.shown());
                row.createCell(6).setCellValue(f.records().size());
                row.createCell(7).setCellValue(f.exceptions().size());
                row.createCell(8).setCellValue(f.definition());
            }
            var records = sheet(book.createSheet("Records"), List.of("figure", "kind", "id", "passes", "detail"));
            i = 1;
            for (var f : r.figures()) {
                for (var x : f.records()) {
                    cells(records.createRow(i++), f.key(), x.kind(), x.id(), Boolean.toString(x.passes()), x.detail());
                }
            }
            var mapping = sheet(book.createSheet("Mapping"), List.of("portal_control", "framework", "control_id",
                    "control_title", "relationship", "rationale", "note"));
            i = 1;
            for (var e : r.mapping().entries()) {
                cells(mapping.createRow(i++), e.control().name(), e.framework(), e.controlId(),
                        r.control(e).map(c -> c.title()).orElse(""), e.relationship().term(), e.rationale(),
                        e.note().orElse(""));
            }
            var coverage = sheet(book.createSheet("Coverage"), List.of("framework", "control_id", "label", "title",
                    "covered_by"));
            i = 1;
            for (var fw : r.catalogue().frameworks()) {
                for (var c : r.coverage(fw.id())) {
                    cells(coverage.createRow(i++), fw.id(), c.control().id(), c.control().label(), c.control().title(),
                            c.gap() ? "GAP" : String.join(" ", c.coveredBy().stream().map(e -> e.control().name()).toList()));
                }
            }
            var about = book.createSheet("About");
            cells(about.createRow(0), "period_from", r.period().from().toString());
            cells(about.createRow(1), "period_to", r.period().to().toString());
            cells(about.createRow(2), "generated_at", r.generatedAt().toString());
            cells(about.createRow(3), "generated_by", r.generatedBy());
            cells(about.createRow(4), "mapping_version", Integer.toString(r.mapping().number()));
            cells(about.createRow(5), "audit_chain", r.auditSummary());
            book.write(out);
            book.dispose();
        }
    }

    private static Sheet sheet(Sheet sheet, List<String> header) {
        var row = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            row.createCell(c).setCellValue(header.get(c));
        }
        return sheet;
    }

    private static void cells(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }
}
