package io.writ.web.security;

import java.util.List;

/** The roles the portal knows, named as the Keycloak realm roles that carry them. */
public final class PortalRole {

    public static final String REQUESTER = "requester";
    public static final String APPROVER = "approver";
    public static final String SECURITY = "security";
    public static final String COMPLIANCE = "compliance";
    public static final String ADMIN = "admin";
    public static final String SESSION_INGEST = "session-ingest";
    /** A bastion agent: asks whether logins may happen and which live sessions must end. */
    public static final String BASTION_AGENT = "bastion-agent";

    /** The roles of people using the portal, in the order the home page shows them. */
    public static final List<String> PEOPLE = List.of(REQUESTER, APPROVER, SECURITY, COMPLIANCE, ADMIN);

    /** Every role the portal declares. */
    public static final List<String> ALL = List.of(REQUESTER, APPROVER, SECURITY, COMPLIANCE, ADMIN, SESSION_INGEST,
            BASTION_AGENT);

    private PortalRole() {
    }
}
