package io.writ.workflow.compliance;

import io.writ.domain.Sha256;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence bundle: a zip an auditor can check offline. It holds the report in every format, the latest signed
 * checkpoint of the audit trail with the exact signed text, the signature and the public key, a README saying how
 * to check it, and {@code SHA256SUMS} over every other file. Written as it streams: each file's hash is taken while
 * it is written, the manifest comes last.
 */
final class EvidenceBundle {

    private EvidenceBundle() {
    }

    interface Part {
        void write(OutputStream out) throws IOException;
    }

    static void write(ComplianceReport r, OutputStream out, Part oscal, Part receipts) throws IOException {
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        var manifest = new StringBuilder();
        add(zip, manifest, "evidence.csv", o -> CsvReport.write(r, o));
        add(zip, manifest, "report.xlsx", o -> XlsxReport.write(r, o));
        add(zip, manifest, "report.pdf", o -> PdfReport.write(r, o));
        add(zip, manifest, "assessment-results.json", oscal);
        add(zip, manifest, "checkpoint-public-key.pem", o -> o.write(BundleManifest.bytes(r.publicKeyPem())));
        if (r.checkpoint().isPresent()) {
            var c = r.checkpoint().get();
            add(zip, manifest, "checkpoint.json", o -> o.write(BundleManifest.bytes("{\"seq\":" + c.seq()
                    + ",\"hash\":\"" + c.hash() + "\",\"at\":\"" + c.at() + "\",\"algorithm\":\"Ed25519\""
                    + ",\"signature\":\"" + c.signature() + "\"}\n")));
            add(zip, manifest, "checkpoint-signed-text.txt", o -> o.write(BundleManifest.bytes(c.signedText())));
            add(zip, manifest, "checkpoint.sig", o -> o.write(Base64.getDecoder().decode(c.signature())));
        }
        add(zip, manifest, "receipts.jsonl", receipts);
        add(zip, manifest, "README.txt", o -> o.write(BundleManifest.bytes(readme(r))));
        zip.putNextEntry(new ZipEntry(BundleManifest.NAME));
        zip.write(BundleManifest.bytes(manifest.toString()));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static void add(ZipOutputStream zip, StringBuilder manifest, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        var digest = Sha256.digest();
        // A part closing its stream must not close the zip.
        var entry = new DigestOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, digest);
        part.write(entry);
        entry.flush();
        zip.closeEntry();
        manifest.append(BundleManifest.line(digest.digest(), name));
    }

    private static String readme(ComplianceReport r) {
        return "Writ evidence bundle\n"
                + "Period: " + r.period().from() + " to " + r.period().to() + "\n"
                + "Generated: " + r.generatedAt() + " by " + r.generatedBy() + "\n"
                + "Mapping version: " + r.mapping().number() + "\n"
                + "Audit chain when generated: " + r.auditSummary() + "\n\n"
                + "1. Check that no file was changed:\n"
                + "     sha256sum -c SHA256SUMS\n"
                + "2. Check the audit trail's latest signed checkpoint (Ed25519; OpenSSL 3):\n"
                + "     openssl pkeyutl -verify -pubin -inkey checkpoint-public-key.pem -rawin \\\n"
                + "       -in checkpoint-signed-text.txt -sigfile checkpoint.sig\n"
                + "   The signed text names the record's sequence number and hash; compare the public key with the one\n"
                + "   the portal publishes at GET /api/v1/audit/checkpoints, and the hash with the trail itself.\n"
                + "3. Check a writ's receipt: receipts.jsonl holds one signed receipt per line, for every writ of the\n"
                + "   period that was granted, each as GET /api/v1/requests/{id}/receipt answers it. Take a line's\n"
                + "   signedText and signature (base64), and check them with the same public key:\n"
                + "python3 - <<'EOF'\n"
                + "import json, base64\n"
                + "r = json.loads(open('receipts.jsonl').readline())\n"
                + "open('receipt.txt', 'wb').write(r['signedText'].encode())\n"
                + "open('receipt.sig', 'wb').write(base64.b64decode(r['signature']))\n"
                + "EOF\n"
                + "     openssl pkeyutl -verify -pubin -inkey checkpoint-public-key.pem -rawin \\\n"
                + "       -in receipt.txt -sigfile receipt.sig\n";
    }
}
