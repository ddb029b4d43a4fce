package io.writ.workflow.containment;

import io.writ.domain.NotFound;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.alert.TriageOutcome;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.containment.process.ContainmentProcess;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What happens to alerts, each use case in one transaction: raised (and contained at once on HIGH and CRITICAL
 * writs), contained on request, the containment steps themselves, and security's triage.
 */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class AlertDesk {

    private static final String CONTAINMENT = "containment";

    @Inject
    AlertRepository alerts;

    @Inject
    WritDesk writDesk;

    @Inject
    IdentityDirectory directory;

    @Inject
    AccessAssignments assignments;

    @Inject
    AuditTrail audit;

    @Inject
    ContainmentProcess process;

    @Inject
    NhiDesk nhis;

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    Clock clock = Clock.systemUTC();

    /** A rule fired: the alert is kept and audited, and contained at once if its writ's tier says so. */
    public void raise(Alert alert) {
        alerts.save(alert);
        audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "alert.raised", subject(alert),
                alert.rule() + alert.writId().map(w -> " on writ " + w).orElse("") + ": " + alert.evidence()));
        if (alert.containsAutomatically()) {
            startContainment(alert, AuditEntry.SYSTEM);
        }
    }

    /** Security's Contain button: the same containment, for an alert of any tier. */
    public Alert contain(String alertId, String by) {
        var alert = require(alertId);
        startContainment(alert, by);
        return alert;
    }

    private void startContainment(Alert alert, String by) {
        if (alert.startContainment()) {
            audit.record(new AuditEntry(clock.instant(), by, "alert.containment-started", subject(alert),
                    alert.writId().map(w -> "writ " + w + " is ended and ").orElse("")
                            + alert.identity() + " is logged out"));
            process.start(alert, nonHumanIdentity(alert).isPresent());
        }
    }

    /**
     * Containment's first step: the writ ends as CONTAINED (its process revokes), the identity is logged out. An
     * entitlement put back behind Writ's back after its writ ended is removed here (and read back).
     */
    public String containWrit(String alertId) {
        var alert = require(alertId);
        var done = new StringBuilder();
        alert.writId().ifPresent(writ -> {
            if (writDesk.contain(writ, CONTAINMENT)) {
                done.append("writ ").append(writ).append(" ended as CONTAINED; its entitlement is revoked and read ")
                        .append("back by its process; ");
            } else {
                done.append("writ ").append(writ).append(" had already ended; ");
                if (alert.rule() == AlertRule.STANDING_PRIVILEGE_APPEARED) {
                    done.append(removePutBack(writs.require(writ))).append("; ");
                }
            }
        });
        if (directory.identity(alert.identity()).isPresent()) {
            done.append(assignments.logout(DirectoryRef.named(alert.identity())).sessions()).append(" Keycloak session(s) of ")
                    .append(alert.identity()).append(" logged out");
        } else {
            done.append(alert.identity()).append(" is unknown to Keycloak: no session to log out");
        }
        return done.toString();
    }

    /** The entitlement given again after the writ ended, taken away; unless another writ of the identity holds it. */
    private String removePutBack(Writ writ) {
        var keeping = writs.activeFor(writ.target()).stream()
                .filter(w -> w.entitlement().equals(writ.entitlement())).findFirst();
        if (keeping.isPresent()) {
            return writ.entitlement() + " stays: writ " + keeping.get().id() + " holds it now";
        }
        var entitlement = catalogue.require(writ.entitlement());
        if (!assignments.revoke(writ.targetRef(), entitlement).absent()) {
            throw new IllegalStateException("Keycloak still shows " + entitlement.name() + " for " + writ.target()
                    + " after removing it");
        }
        return writ.entitlement() + ", given again with no writ, removed from " + writ.target()
                + " and read back absent";
    }

    /** Containment's step for an NHI: its client secret is regenerated, so the misused one stops working. */
    public String rotateSecret(String alertId) {
        var alert = require(alertId);
        var clientId = nonHumanIdentity(alert).map(DirectoryIdentity::clientId).orElseThrow(() ->
                new IllegalStateException(alert.identity() + " is not (any more) the service account of a client"));
        var done = nhis.rotateNow(clientId, RotationReason.CONTAINMENT, CONTAINMENT);
        nhis.ownerTold(clientId, RotationReason.CONTAINMENT);
        return done;
    }

    /** Containment is done; the alert awaits triage. */
    public void contained(String alertId, String whatWasDone) {
        var alert = require(alertId);
        alert.contained(whatWasDone, clock.instant());
        audit.record(new AuditEntry(clock.instant(), CONTAINMENT, "alert.contained", subject(alert), whatWasDone));
    }

    /** Security's verdict; completes the containment process's triage task when there is one. */
    public Alert triage(String alertId, String by, TriageOutcome outcome, String comment) {
        var alert = require(alertId);
        alert.triage(outcome, by, comment, clock.instant());
        audit.record(new AuditEntry(clock.instant(), by, "alert.triaged", subject(alert),
                outcome + alert.triageComment().map(c -> ": " + c).orElse("")));
        process.completeTriage(alertId, outcome);
        return alert;
    }

    /** Alerts not yet triaged, newest first. */
    public List<Alert> open() {
        return alerts.open();
    }

    public List<Alert> aboutWrit(String writId) {
        return alerts.aboutWrit(writId);
    }

    public Alert require(String alertId) {
        return alerts.byId(alertId).orElseThrow(() -> new NotFound("no alert " + alertId));
    }

    /** The alert's identity if the directory knows it as an NHI (never judged by its name). */
    private Optional<DirectoryIdentity> nonHumanIdentity(Alert alert) {
        return directory.identity(alert.identity()).filter(DirectoryIdentity::isNonHuman);
    }

    private static String subject(Alert alert) {
        return "alert:" + alert.id();
    }
}
