package io.writ.workflow.compliance;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.writ.domain.compliance.EvidenceFigure;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The report for people: the period and the audit chain's state, a chart of the share figures, a chart of coverage
 * per framework, the evidence table, the gaps, and the mapping. Charts are drawn with OpenPDF's own graphics (vector,
 * no AWT rendering needed on the server).
 */
final class PdfReport {

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 8);
    private static final Font BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    private static final Color GAP = new Color(0xc0, 0x39, 0x2b);

    private PdfReport() {
    }

    static void write(ComplianceReport r, OutputStream out) throws IOException {
        var doc = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            var writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle("Writ compliance report");
            doc.open();
            doc.add(new Paragraph("Writ compliance report", TITLE));
            doc.add(new Paragraph("Period " + r.period().from() + " to " + r.period().to() + "; generated "
                    + r.generatedAt() + " by " + r.generatedBy() + "; mapping version " + r.mapping().number(), BODY));
            doc.add(new Paragraph("Audit chain: " + r.auditSummary(), BODY));

            doc.add(new Paragraph("Shares (percent)", HEADING));
            var shares = r.figures().stream().filter(f -> f.unit().equals("%") && f.value().isPresent()).toList();
            doc.add(barChart(writer.getDirectContent(), shares.stream().map(EvidenceFigure::name).toList(),
                    shares.stream().map(f -> f.value().orElseThrow()).toList(), 100, BAR));

            doc.add(new Paragraph("Coverage per framework (share of its controls mapped)", HEADING));
            var names = r.catalogue().frameworks().stream().map(f -> f.id()).toList();
            var covered = r.catalogue().frameworks().stream().map(f -> {
                var cov = r.coverage(f.id());
                return cov.isEmpty() ? 0.0 : 100.0 * cov.stream().filter(c -> !c.gap()).count() / cov.size();
            }).toList();
            doc.add(barChart(writer.getDirectContent(), names, covered, 100, BAR));

            doc.add(new Paragraph("Evidence", HEADING));
            var evidence = table(new float[]{3, 4, 4, 2}, "Portal control", "Figure", "Value", "Records");
            for (var f : r.figures()) {
                cell(evidence, f.control().title(), f.name(), f.shown(),
                        f.records().size() + (f.exceptions().isEmpty() ? "" : " (" + f.exceptions().size() + " exceptions)"));
            }
            doc.add(evidence);

            doc.add(new Paragraph("Gaps (framework controls no portal control covers)", HEADING));
            var gaps = table(new float[]{2, 2, 6}, "Framework", "Control", "Title");
            for (var fw : r.catalogue().frameworks()) {
                for (var c : r.coverage(fw.id())) {
                    if (c.gap()) {
                        cell(gaps, fw.id(), c.control().label(), c.control().title());
                    }
                }
            }
            doc.add(gaps);

            doc.add(new Paragraph("Mapping", HEADING));
            var mapping = table(new float[]{3, 2, 2, 2, 5}, "Portal control", "Framework", "Control", "Relationship",
                    "Rationale and note");
            for (var e : r.mapping().entries()) {
                cell(mapping, e.control().title(), e.framework(), e.controlId(), e.relationship().term(),
                        e.rationale() + e.note().map(n -> " — Note: " + n).orElse(""));
            }
            doc.add(mapping);

            doc.add(new Paragraph("Records behind the figures", HEADING));
            var records = table(new float[]{3, 1.5f, 5.5f, 4}, "Figure", "Kind", "Id", "Detail");
            for (var f : r.figures()) {
                for (var x : f.records()) {
                    cell(records, f.key(), x.kind(), x.id(), (x.passes() ? "" : "EXCEPTION: ") + x.detail());
                }
            }
            doc.add(records);
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("the PDF report could not be written", e);
        }
    }

    /** A horizontal bar chart, one bar per value, labelled with its name and value. */
    private static Image barChart(PdfContentByte canvas, List<String> names, List<Double> values, double max,
                                  Color color) throws DocumentException {
        float width = 520;
        float rowHeight = 14;
        float labelWidth = 200;
        float height = Math.max(rowHeight, names.size() * rowHeight) + 4;
        var t = canvas.createTemplate(width, height);
        try {
            var font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            for (int i = 0; i < names.size(); i++) {
                float y = height - (i + 1) * rowHeight;
                double v = values.get(i);
                float barWidth = (float) ((width - labelWidth - 60) * Math.max(0, Math.min(v, max)) / max);
                t.setColorFill(v <= 0 ? GAP : color);
                t.rectangle(labelWidth, y + 2, Math.max(1, barWidth), rowHeight - 4);
                t.fill();
                t.setColorFill(Color.BLACK);
                t.beginText();
                t.setFontAndSize(font, 7);
                t.setTextMatrix(0, y + 4);
                var name = names.get(i);
                t.showText(name.length() > 55 ? name.substring(0, 52) + "..." : name);
                t.setTextMatrix(labelWidth + barWidth + 4, y + 4);
                t.showText(String.format(java.util.Locale.ROOT, "%.1f", v));
                t.endText();
            }
        } catch (IOException e) {
            throw new DocumentException(e);
        }
        var image = Image.getInstance(t);
        image.setAlignment(Element.ALIGN_LEFT);
        return image;
    }

    private static PdfPTable table(float[] widths, String... header) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setSpacingAfter(8);
        table.setHeaderRows(1);
        for (var h : header) {
            var c = new PdfPCell(new Phrase(h, BOLD));
            c.setBackgroundColor(new Color(0xee, 0xee, 0xee));
            table.addCell(c);
        }
        return table;
    }

    private static void cell(PdfPTable table, String... values) {
        for (var v : values) {
            table.addCell(new PdfPCell(new Phrase(new Chunk(v == null ? "" : v, BODY))));
        }
    }
}
