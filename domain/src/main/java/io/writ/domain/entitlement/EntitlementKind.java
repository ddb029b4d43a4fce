package io.writ.domain.entitlement;

/** What the entitlement is in the identity provider. */
public enum EntitlementKind {
    REALM_ROLE, CLIENT_ROLE, GROUP
}
