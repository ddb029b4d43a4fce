package io.writ.domain.session;

/** What a bastion, PSM tool or the identity provider saw happen in a privileged session. */
public enum SessionEventType {
    SESSION_START, SESSION_END, COMMAND, FILE_TRANSFER, API_CALL
}
