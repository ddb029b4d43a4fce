package io.writ.domain.writ;

/** What an approver decided. */
public enum Decision {
    APPROVE, REJECT
}
