package io.writ.domain.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened: a state change, a decision, a grant, a revocation, a configuration change.
 *
 * @param at      when it happened
 * @param actor   who did it: a username, a client's service account, or {@code system} for the portal itself
 * @param action  what happened, in the business's words (for example {@code writ.approved})
 * @param subject what it happened to, as {@code kind:id} (for example {@code writ:1f0c...}, {@code ticket:CHG-1})
 * @param detail  why, and the evidence, in a sentence
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {

    public static final String SYSTEM = "system";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
    }
}
