package io.writ.workflow.writ;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How writs are approved and who is told; every value has a default and an environment variable (docs/configuration.md). */
@ApplicationScoped
public class WritSettings {

    /** Approvers are reminded when a writ has waited this long (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "writ.approvals.remind-after", defaultValue = "PT30M")
    String remindAfter;

    /** Then the backup group is asked too. */
    @Inject
    @ConfigProperty(name = "writ.approvals.escalate-after", defaultValue = "PT2H")
    String escalateAfter;

    /** A writ nobody decided by then ends as EXPIRED_UNAPPROVED. */
    @Inject
    @ConfigProperty(name = "writ.approvals.deadline", defaultValue = "PT8H")
    String approvalDeadline;

    @Inject
    @ConfigProperty(name = "writ.approvals.backup-group", defaultValue = "security")
    String backupApproverGroup;

    /** Sponsors of third-party administrators. */
    @Inject
    @ConfigProperty(name = "writ.third-party.sponsor-group", defaultValue = "security")
    String sponsorGroup;

    /** The Keycloak group (or realm role) of security analysts: told of every break-glass at once. */
    @Inject
    @ConfigProperty(name = "writ.security-group", defaultValue = "security")
    String securityGroup;

    public String remindAfter() { return remindAfter; }
    public String escalateAfter() { return escalateAfter; }
    public String approvalDeadline() { return approvalDeadline; }
    public String backupApproverGroup() { return backupApproverGroup; }
    public String sponsorGroup() { return sponsorGroup; }
    public String securityGroup() { return securityGroup; }
}
