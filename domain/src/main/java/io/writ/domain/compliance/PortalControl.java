package io.writ.domain.compliance;

/** The portal's own controls: what Writ does that a framework control can be satisfied by. */
public enum PortalControl {
    TICKET_BACKED_ELEVATION("Ticket-backed elevation",
            "Privileged access is granted only through a writ that names a valid change or incident ticket."),
    SEPARATION_OF_DUTIES("Separation of duties",
            "Nobody decides on a writ they asked for, would receive, or whose non-human target they own."),
    TIME_BOUND_GRANTS("Time-bound grants",
            "Every grant has a window; privilege is held just in time, not standing."),
    AUTOMATIC_REVOCATION("Automatic revocation",
            "When the window ends the entitlement is removed in Keycloak, read back as absent, sessions logged out."),
    SESSION_EVIDENCE_LINKING("Session evidence linking",
            "Each privileged session is linked to the writ that allowed it, or flagged UNLINKED with an alert."),
    CONTAINMENT("Containment",
            "An out-of-scope action on a high-risk writ revokes the grant and logs the identity out at once."),
    ACCESS_REVIEWS("Access reviews",
            "Standing privilege is put before reviewers in campaigns; missed deadlines fail closed or escalate."),
    NHI_OWNERSHIP_AND_ROTATION("NHI ownership and rotation",
            "Every non-human identity has an accountable owner; its secrets are rotated by policy."),
    BREAK_GLASS_REVIEW("Break-glass with post-hoc review",
            "Emergency access is granted at once and reviewed after the fact by a deadline."),
    TAMPER_EVIDENT_AUDIT("Tamper-evident audit",
            "The audit trail is hash-chained with signed checkpoints; verification finds the first broken link."),
    STEP_UP_AUTHENTICATION("Step-up authentication",
            "The riskiest entitlements are asked for and decided on only after a recent sign-in with a second factor, "
                    + "recorded with each request and decision.");

    private final String title;
    private final String description;

    PortalControl(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() { return title; }
    public String description() { return description; }
}
