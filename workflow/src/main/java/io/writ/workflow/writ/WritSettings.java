package io.writ.workflow.writ;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How the elevation process is paced; every value has a default and an environment variable (README). */
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

    /**
     * How a failed Keycloak step is retried (Camunda retry cycle) before it becomes an incident; an incident is
     * retried again by itself once Keycloak answers.
     */
    @Inject
    @ConfigProperty(name = "writ.keycloak.retry-cycle", defaultValue = "R10/PT30S")
    String keycloakRetryCycle;

    /** The longest break-glass window in minutes (shorter still if the entitlement says so). */
    @Inject
    @ConfigProperty(name = "writ.break-glass.max-minutes", defaultValue = "60")
    int breakGlassMaxMinutes;

    /** How long security has for a break-glass writ's post-incident review (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "writ.break-glass.review-within", defaultValue = "P2D")
    String breakGlassReviewWithin;

    /** The Keycloak group (or realm role) of security analysts: told of every break-glass at once. */
    @Inject
    @ConfigProperty(name = "writ.security-group", defaultValue = "security")
    String securityGroup;

    public String remindAfter() { return remindAfter; }
    public String securityGroup() { return securityGroup; }
    public int breakGlassMaxMinutes() { return breakGlassMaxMinutes; }
    public String breakGlassReviewWithin() { return breakGlassReviewWithin; }
    public String escalateAfter() { return escalateAfter; }
    public String approvalDeadline() { return approvalDeadline; }
    public String backupApproverGroup() { return backupApproverGroup; }
    public String sponsorGroup() { return sponsorGroup; }
    public String keycloakRetryCycle() { return keycloakRetryCycle; }
}
