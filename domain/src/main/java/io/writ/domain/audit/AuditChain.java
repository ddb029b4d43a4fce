package io.writ.domain.audit;

import io.writ.domain.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How records are chained: each record's hash is SHA-256 over a canonical text of its sequence number, time, actor,
 * action, subject, detail and the previous record's hash. The text is meant to be rebuilt by an auditor with a few
 * lines of any language (docs/audit.md, "A hash chain"), so it is plain UTF-8:
 *
 * <pre>
 * writ-audit/1
 * &lt;seq&gt;
 * &lt;time: yyyy-MM-ddTHH:mm:ss.SSSSSSZ, UTC, microseconds&gt;
 * &lt;actor&gt;
 * &lt;action&gt;
 * &lt;subject&gt;
 * &lt;detail&gt;
 * &lt;previous hash: 64 lower-case hex digits; 64 zeros for the first record&gt;
 * </pre>
 *
 * lines joined by a single {@code \n}, no newline at the end. Each text field is written as its length in UTF-8 bytes,
 * a colon and the text ({@code 5:alice}); an absent detail is a single {@code -}. The lengths make the encoding
 * unambiguous whatever the fields contain (newlines, colons), so two different records never share a canonical text.
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    static final String VERSION = "writ-audit/1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /**
     * The time as the chain keeps it: microseconds, what both H2 and PostgreSQL store, so a record read back hashes
     * the same as when it was written.
     */
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The canonical text of one record (see the class comment). */
    public static String canonical(long seq, AuditEntry entry, String previousHash) {
        return String.join("\n", VERSION, Long.toString(seq), time(entry.at()), field(entry.actor()),
                field(entry.action()), field(entry.subject()), field(entry.detail()), previousHash);
    }

    /** The record's hash: lower-case hex SHA-256 of its canonical text. */
    public static String hash(long seq, AuditEntry entry, String previousHash) {
        return Sha256.hex(canonical(seq, entry, previousHash));
    }

    static String time(Instant at) {
        return TIME.format(stored(at));
    }

    private static String field(String value) {
        return value == null ? "-" : value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
