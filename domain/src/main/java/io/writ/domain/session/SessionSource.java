package io.writ.domain.session;

/** Who reported the session: a bastion or PSM tool through the ingestion API, or the identity provider itself. */
public enum SessionSource {
    BASTION, KEYCLOAK
}
