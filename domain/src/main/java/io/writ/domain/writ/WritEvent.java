package io.writ.domain.writ;

import io.writ.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a writ, said when it happened: what, who brought it about (a username, or
 * {@code system} for the portal itself), when, and the evidence in a sentence. The writ's transitions raise them;
 * the application records each in the audit trail and tells the writ's people what they need to know
 * ({@link WritNotices}), in the transaction of the change.
 *
 * @param writ the writ as it stands after the change
 */
public record WritEvent(Writ writ, Kind kind, String by, Instant at, String detail) {

    /** The portal itself, when nobody in particular brought the change about (a timer, a process step). */
    public static final String SYSTEM = AuditEntry.SYSTEM;

    public WritEvent {
        Objects.requireNonNull(writ, "writ");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }

    /** What the writ is called in the audit trail: {@code writ:<id>}. */
    public String subject() {
        return subjectOf(writ.id());
    }

    public static String subjectOf(String writId) {
        return "writ:" + writId;
    }

    /** What happened, each with its name in the audit trail. */
    public enum Kind {
        SUBMITTED("writ.submitted"),
        POLICY_APPLIED("writ.policy-applied"),
        BREAK_GLASS("writ.break-glass"),
        APPROVED("writ.approved"),
        REJECTED("writ.rejected"),
        APPROVERS_REMINDED("writ.approvers-reminded"),
        ESCALATED("writ.escalated"),
        EXPIRED_UNAPPROVED("writ.expired-unapproved"),
        CANCELLED("writ.cancelled"),
        GRANTED("writ.granted"),
        BREAK_GLASS_ANNOUNCED("writ.break-glass-announced"),
        EXTENSION_REQUESTED("writ.extension-requested"),
        EXTENSION_APPROVED("writ.extension-approved"),
        EXTENSION_REJECTED("writ.extension-rejected"),
        WINDOW_ENDED("writ.window-ended"),
        END_REQUESTED("writ.end-requested"),
        REVOKED("writ.revoked"),
        ACCESS_KEPT("writ.access-kept"),
        BREAK_GLASS_CREDENTIALS("writ.break-glass-credentials"),
        POST_INCIDENT_REVIEW_OPENED("writ.post-incident-review-opened"),
        POST_INCIDENT_REVIEWED("writ.post-incident-reviewed"),
        POST_INCIDENT_REVIEW_OVERDUE("writ.post-incident-review-overdue"),
        POST_ACCESS_REVIEWED("writ.post-access-reviewed");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        /** Its name in the audit trail, for example {@code writ.approved}. */
        public String action() {
            return action;
        }
    }
}
