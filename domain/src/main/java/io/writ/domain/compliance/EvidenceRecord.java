package io.writ.domain.compliance;

/**
 * One record behind a figure, for the drill-down.
 *
 * @param kind   {@code writ}, {@code alert}, {@code session} or {@code checkpoint}
 * @param id     the record's id in the portal
 * @param passes whether this record counts for the control (a ticket was given, nobody decided on their own writ…)
 * @param detail what about this record the figure used, in a few words
 */
public record EvidenceRecord(String kind, String id, boolean passes, String detail) {
}
