package io.writ.workflow.compliance;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes CSV as RFC 4180 has it: comma-separated, a field in double quotes when it holds a comma, a quote
 * or a line break, a quote inside doubled. The catalogue's data files and the CSV export use it.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** The rows after the header, each as header name → value. */
    public static List<Map<String, String>> read(Reader in) throws IOException {
        var rows = records(in);
        if (rows.isEmpty()) {
            return List.of();
        }
        var header = rows.get(0);
        var out = new ArrayList<Map<String, String>>();
        for (var r : rows.subList(1, rows.size())) {
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (r.size() != header.size()) {
                throw new IOException("row " + (out.size() + 2) + " has " + r.size() + " fields, the header "
                        + header.size() + ": " + r);
            }
            var m = new LinkedHashMap<String, String>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            out.add(m);
        }
        return out;
    }

    static List<List<String>> records(Reader reader) throws IOException {
        // A doubled quote is told from a closing one by looking one character ahead: that needs mark/reset.
        var in = reader.markSupported() ? reader : new java.io.BufferedReader(reader);
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next == -1) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (any || !row.isEmpty() || field.length() > 0) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line (with its line break) of these fields. */
    static String line(List<String> fields) {
        var sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            var f = fields.get(i) == null ? "" : fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        return sb.append("\r\n").toString();
    }
}
