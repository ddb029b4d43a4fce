package io.writ.domain.writ;

/** Where a request for more time stands. */
public enum ExtensionState {
    PENDING, APPROVED, REJECTED
}
