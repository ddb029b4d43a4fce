package io.writ.workflow.writ.process;

import io.writ.domain.NotPermitted;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import io.writ.workflow.writ.Approvers;
import io.writ.workflow.writ.WritSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The steps of a writ's process (the elevation request, and the grant, window end and revocation that break-glass
 * shares), each in the transaction of its job: load the writ, let it decide, store it. A step the process retries
 * (a job after a failure, a timer that fired late) finds the work done and changes nothing.
 */
@ApplicationScoped
@Transactional
public class ElevationSteps {

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AccessAssignments assignments;

    @Inject
    Approvers approvers;

    @Inject
    WritSettings settings;

    Clock clock = Clock.systemUTC();

    /** The policy decision's result applied to the writ: approvals needed and the window's cap, or approved at once. */
    public Writ applyPolicy(String writId, int minApprovals, int maxMinutesCap, boolean autoApprove,
                            boolean sponsorRequired) {
        var writ = writs.require(writId);
        var entitlement = catalogue.require(writ.entitlement());
        writ.applyPolicy(ApprovalPolicy.decided(entitlement, minApprovals, maxMinutesCap, autoApprove,
                sponsorRequired, settings.sponsorGroup()), clock.instant());
        writs.save(writ);
        return writ;
    }

    /**
     * The process's approval task was completed (by whatever path): the writ applies the decision of the engine's
     * authenticated user, or refuses it and the completion rolls back. Returns the writ's state afterwards.
     */
    public WritState recordDecision(String writId, String approverName, SignIn signIn, Decision decision,
                                    String comment) {
        if (approverName == null) {
            throw new NotPermitted("a decision on writ " + writId + " must name who made it");
        }
        var writ = writs.require(writId);
        var approver = approvers.named(approverName).signedIn(signIn);
        if (decision == Decision.APPROVE) {
            writ.approve(approver, comment, clock.instant());
        } else {
            writ.reject(approver, comment, clock.instant());
        }
        writs.save(writ);
        return writ.state();
    }

    /** Final approval reached: grant in Keycloak, read it back, start the window. Returns when the window ends. */
    public Instant grant(String writId) {
        var writ = writs.require(writId);
        if (writ.state() == WritState.ACTIVE) {
            return writ.grant().orElseThrow().expiresAt(); // a retried step after the grant was recorded
        }
        var entitlement = catalogue.require(writ.entitlement());
        var added = assignments.grant(writ.targetRef(), entitlement);
        if (!added.held()) {
            throw new IllegalStateException("Keycloak did not keep " + entitlement.name() + " for " + writ.target()
                    + " after granting it");
        }
        writ.recordGrant(added.addedAt(), added.readBackAt());
        writs.save(writ);
        return writ.grant().orElseThrow().expiresAt();
    }

    /** The window ran out (the process's timer). */
    public void endWindow(String writId) {
        var writ = writs.require(writId);
        if (writ.state() != WritState.ACTIVE) {
            return; // ended another way while the timer was due
        }
        if (writ.requestEnd(RevocationReason.WINDOW_ENDED, WritEvent.SYSTEM, clock.instant())) {
            writs.save(writ);
        }
    }

    /**
     * Removes the entitlement, reads back its absence, logs the identity out, and records the three times; unless
     * another ACTIVE writ of the identity covers the same entitlement: then it stays, and this writ records which
     * writ kept it and until when (the last writ to end removes it). A writ's end is committed before its revocation
     * runs, so of two writs ending at once the later revocation sees both ended and removes the entitlement.
     */
    public void revoke(String writId) {
        var writ = writs.require(writId);
        var entitlement = catalogue.require(writ.entitlement());
        var now = clock.instant();
        var keeping = writ.keeperAmong(writs.activeFor(writ.target()), now);
        if (keeping.isPresent()) {
            if (writ.recordKeptBy(keeping.get().id(), keeping.get().grant().orElseThrow().windowEnd(), now)) {
                writs.save(writ);
            }
            return;
        }
        var removed = assignments.revoke(writ.targetRef(), entitlement);
        if (!removed.absent()) {
            throw new IllegalStateException("Keycloak still shows " + entitlement.name() + " for " + writ.target()
                    + " after revoking it");
        }
        var loggedOut = assignments.logout(writ.targetRef());
        // A token issued the instant before the removal (or before the read-back, when nothing was there to remove)
        // lives the longest lifespan after it, for a service that does not ask Keycloak.
        var residue = removed.removedAt().orElse(removed.readBackAt()).plus(assignments.longestAccessToken());
        if (writ.recordRevocation(new Revocation(removed.removedAt().orElse(null), removed.readBackAt(),
                loggedOut.at(), loggedOut.sessions(), loggedOut.tokensRejectedFrom().orElse(null), residue))) {
            writs.save(writ);
        }
    }

    /** The writ has waited a while: those who may decide and have not are reminded. */
    public void remindApprovers(String writId) {
        var writ = writs.require(writId);
        if (writ.state() != WritState.PENDING_APPROVAL) {
            return; // decided while the reminder was due
        }
        writ.remindApprovers(clock.instant());
        writs.save(writ);
    }

    /** The approvers took too long: the backup group may decide as well. */
    public void escalate(String writId, String backupGroup) {
        var writ = writs.require(writId);
        writ.escalateTo(backupGroup, clock.instant());
        writs.save(writ);
    }

    /** Nobody decided before the deadline. */
    public void expireUnapproved(String writId) {
        var writ = writs.require(writId);
        writ.expireUnapproved(clock.instant());
        writs.save(writ);
    }
}
