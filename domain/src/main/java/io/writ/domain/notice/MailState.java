package io.writ.domain.notice;

/** Where a recipient's mail of a notice stands. */
public enum MailState {
    /** To be sent (again, after a failure). */
    PENDING,
    /** Handed to the mail server. */
    SENT,
    /** Not mailed: the person has no address, or mail is off. They still get the in-app message. */
    NOT_MAILED
}
