package io.writ.workflow.writ;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotPermitted;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeOutbox;
import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.ticket.TicketSystem;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Approver;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Submission;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.WritStateConflict;
import io.writ.workflow.breakglass.process.BreakGlassProcess;
import io.writ.workflow.writ.process.ElevationProcess;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import io.writ.domain.entitlement.SessionCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that happens to a writ, each use case in one transaction: load, let the writ decide, store, record
 * in the audit trail and what its people are told (the outbox), move the process on. The rules themselves live in
 * {@link Writ} and, for who is told what, in {@link Notice}. Recording a notice only writes a row, so a
 * mail server or webhook that is down never fails a writ's step; delivery follows in the background.
 */
@ApplicationScoped
@Transactional
public class ElevationService {

    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    TicketSystem tickets;

    @Inject
    IdentityDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    NoticeOutbox notices;

    @Inject
    ElevationProcess process;

    @Inject
    WritSettings settings;

    @Inject
    BreakGlassProcess breakGlass;

    @Inject
    NhiDesk nhis;

    Clock clock = Clock.systemUTC();

    /** A requester (a person, or an NHI for itself) asks for elevation; the process decides the policy at once. */
    public Writ submit(String requester, WritForm form) {
        var now = clock.instant();
        var target = resolveTarget(requester, form.target());
        var entitlement = blankToNull(form.entitlement()) == null ? Optional.<Entitlement>empty()
                : catalogue.named(form.entitlement().strip());
        var ticket = blankToNull(form.ticket());
        TicketStatus ticketStatus = ticket == null ? null : tickets.check(ticket.strip());
        var writ = Writ.submit(new Submission(requester,
                target.map(DirectoryIdentity::username).orElse(null),
                target.map(DirectoryIdentity::id).orElse(null),
                target.map(DirectoryIdentity::owner).orElse(null),
                form.entitlement(), entitlement.map(Entitlement::riskTier).orElse(null),
                entitlement.map(Entitlement::maxMinutes).orElse(null),
                ticket, ticketStatus, form.justification(), form.scope(), form.durationMinutes(),
                form.breakGlass(), target.map(DirectoryIdentity::thirdParty).orElse(false)), now);
        writs.save(writ);
        audit.record(new AuditEntry(now, requester, "writ.submitted", subject(writ),
                writ.entitlement() + " for " + writ.target() + " for " + writ.requestedMinutes() + " min on ticket "
                        + writ.ticket().orElse("(break-glass)") + ": " + writ.justification()));
        // Runs the policy decision and applyPolicy in this transaction: a window over the cap is refused here.
        if (writ.breakGlass()) {
            breakGlass.start(writ, settings);
        } else {
            process.start(writ, ticketStatus != null && ticketStatus.isOpen(), settings);
        }
        return writ;
    }

    /**
     * Break-glass: approved at once by the one who broke the glass (their justification is the mandatory reason),
     * for a short window: the break-glass cap, or the entitlement's own maximum if shorter.
     */
    public Writ applyBreakGlassPolicy(String writId) {
        var writ = writs.require(writId);
        var entitlement = entitlementOf(writ);
        var policy = ApprovalPolicy.autoApproved(entitlement.approverGroup(),
                Math.min(entitlement.maxMinutes(), settings.breakGlassMaxMinutes()));
        var now = clock.instant();
        writ.applyPolicy(policy, now);
        writ.coverSessions(SessionCoverage.FULL);
        audit.record(new AuditEntry(now, writ.requester(), "writ.break-glass", subject(writ),
                "glass broken: " + writ.entitlement() + " for " + writ.target() + " granted at once for at most "
                        + policy.maxMinutes() + " min without the approval of " + policy.approverGroup()
                        + "; reason: " + writ.justification()));
        return writ;
    }

    /** The break-glass grant is in place: security and the approvers who were skipped are told at once. */
    public void breakGlassGranted(String writId) {
        var writ = writs.require(writId);
        notices.record(Notice.breakGlass(writ, settings.securityGroup(), clock.instant()));
        audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "writ.break-glass-announced", subject(writ),
                "security and the approver group " + writ.policy().map(ApprovalPolicy::approverGroup).orElse("?")
                        + " told: " + writ.requester() + " holds " + writ.entitlement() + " until "
                        + writ.grant().map(g -> g.expiresAt().toString()).orElse("?")));
    }

    /** After break-glass access was revoked, the credentials it touched are rotated: an NHI's client secret. */
    public void rotateAfterBreakGlass(String writId) {
        var writ = writs.require(writId);
        var now = clock.instant();
        if (writ.target().startsWith(SERVICE_ACCOUNT_PREFIX)) {
            var clientId = writ.target().substring(SERVICE_ACCOUNT_PREFIX.length());
            nhis.rotateNow(clientId, RotationReason.BREAK_GLASS, AuditEntry.SYSTEM);
            nhis.ownerTold(clientId, RotationReason.BREAK_GLASS);
        } else {
            audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.break-glass-credentials", subject(writ),
                    writ.target() + " is a person: their Keycloak sessions were logged out with the revocation"));
        }
    }

    /** Opens the break-glass writ's mandatory post-incident review; returns when it is due. */
    public Instant openPostIncidentReview(String writId, java.time.Duration within) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.requirePostIncidentReview(now.plus(within));
        var due = writ.postIncidentReviewDue().orElseThrow();
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.post-incident-review-opened", subject(writ),
                "security reviews by " + due));
        return due;
    }

    /** Security records the post-incident review of a break-glass writ; the process's review task completes. */
    public Writ recordPostIncidentReview(String writId, String reviewer, String findings) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.recordPostIncidentReview(reviewer, findings, now);
        audit.record(new AuditEntry(now, reviewer, "writ.post-incident-reviewed", subject(writ),
                writ.postIncidentFindings().orElse("")));
        breakGlass.completeReview(writId);
        return writ;
    }

    /** Nobody reviewed the break-glass writ in time: escalated (it stays due until someone does). */
    public void postIncidentReviewOverdue(String writId) {
        var writ = writs.require(writId);
        audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "writ.post-incident-review-overdue",
                subject(writ), "due " + writ.postIncidentReviewDue().map(Instant::toString).orElse("?")
                        + "; escalated to security's leads"));
    }

    /**
     * The requester (or the NHI's owner) says whether the ended writ's access was used as intended; the answer is
     * evidence in the next access review campaign.
     */
    public Writ answerPostAccessReview(String writId, String by, Boolean usedAsIntended, String comment) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.answerPostAccessReview(by, usedAsIntended, comment, now);
        audit.record(new AuditEntry(now, by, "writ.post-access-reviewed", subject(writ),
                (usedAsIntended ? "used as intended" : "NOT used as intended")
                        + writ.postAccessComment().map(c -> ": " + c).orElse("")));
        return writ;
    }

    /** The ended writs whose post-access review this person still owes, newest first. */
    public List<Writ> awaitingPostAccessReview(String who) {
        return writs.awaitingPostAccessReviewBy(who);
    }

    /** Break-glass writs whose post-incident review is due, oldest first. */
    public List<Writ> awaitingPostIncidentReview() {
        return writs.awaitingPostIncidentReview();
    }

    /** Called by the process with the policy decision's result. */
    public Writ applyPolicy(String writId, int minApprovals, int maxMinutesCap, boolean autoApprove,
                                        boolean sponsorRequired) {
        var writ = writs.require(writId);
        var entitlement = entitlementOf(writ);
        var policy = ApprovalPolicy.decided(entitlement, minApprovals, maxMinutesCap, autoApprove, sponsorRequired,
                settings.sponsorGroup());
        var now = clock.instant();
        writ.applyPolicy(policy, now);
        writ.coverSessions(entitlement.coverage());
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.policy-applied", subject(writ),
                (policy.autoApprove() ? "approved at once" : policy.approvalsRequired() + " approval(s) from "
                        + policy.approverGroup() + (policy.sponsorRequired() ? " and a sponsor from "
                        + policy.sponsorGroup() : "")) + "; window at most " + policy.maxMinutes()
                        + " min; sessions covered "
                        + writ.sessionCoverage().orElseThrow()));
        notices.record(policy.autoApprove() ? Notice.approved(writ, now) : Notice.decisionNeeded(writ, now));
        return writ;
    }

    /**
     * An approver decides through the API or a page. The decision is applied where the process expects it, on its
     * approval task, so the same separation-of-duties check runs whichever way a decision arrives.
     */
    public Writ decide(String writId, String approver, Decision decision, String comment) {
        var writ = writs.require(writId);
        if (writ.state() != WritState.PENDING_APPROVAL || !process.completeDecision(writId, approver, decision, comment)) {
            throw new WritStateConflict(writ.state(), "writ " + writId + " is " + writ.state()
                    + " and awaits no decision");
        }
        return writ;
    }

    /** The process's approval task was completed (by whatever path): the writ applies the decision or refuses it. */
    public WritState recordDecision(String writId, String approverName, Decision decision, String comment) {
        if (approverName == null) {
            throw new NotPermitted("a decision on writ " + writId + " must name who made it");
        }
        var writ = writs.require(writId);
        var approver = new Approver(approverName, groupsOf(approverName));
        var now = clock.instant();
        if (decision == Decision.APPROVE) {
            writ.approve(approver, comment, now);
        } else {
            writ.reject(approver, comment, now);
        }
        audit.record(new AuditEntry(now, approverName, decision == Decision.APPROVE ? "writ.approved" : "writ.rejected",
                subject(writ), (comment == null ? "" : comment + " — ") + writ.approvalsSoFar() + " of "
                + writ.policy().map(ApprovalPolicy::approvalsRequired).orElse(0) + " approvals; now " + writ.state()));
        if (writ.state() == WritState.APPROVED) {
            notices.record(Notice.approved(writ, now));
        } else if (writ.state() == WritState.REJECTED) {
            notices.record(Notice.rejected(writ, now));
        }
        return writ.state();
    }

    /** Final approval reached: grant in Keycloak, read it back, start the window. Returns when the window ends. */
    public Instant grant(String writId) {
        var writ = writs.require(writId);
        if (writ.state() == WritState.ACTIVE) {
            return writ.grant().orElseThrow().expiresAt(); // a retried step after the grant was recorded
        }
        var entitlement = entitlementOf(writ);
        if (!directory.grant(writ.targetRef(), entitlement)) {
            throw new IllegalStateException("Keycloak did not keep " + entitlement.name() + " for " + writ.target()
                    + " after granting it");
        }
        var grantedAt = clock.instant();
        writ.recordGrant(grantedAt, grantedAt);
        var expiresAt = writ.grant().orElseThrow().expiresAt();
        audit.record(new AuditEntry(grantedAt, AuditEntry.SYSTEM, "writ.granted", subject(writ),
                entitlement.name() + " granted to " + writ.target() + " and read back present; window until " + expiresAt));
        return expiresAt;
    }

    /** The requester ends their window now; revocation follows at once. */
    public Writ endNow(String writId, String requester) {
        return end(writId, RevocationReason.ENDED_BY_REQUESTER, requester);
    }

    /** The window ran out (the process's timer). */
    public void endWindow(String writId) {
        var writ = writs.require(writId);
        if (writ.state() != WritState.ACTIVE) {
            return; // ended another way while the timer was due
        }
        var now = clock.instant();
        if (writ.requestEnd(RevocationReason.WINDOW_ENDED, AuditEntry.SYSTEM, now)) {
            audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.window-ended", subject(writ),
                    "window ended at " + writ.grant().orElseThrow().expiresAt()));
        }
    }

    /** Removes the entitlement, reads back its absence, logs the identity out, and records the three times. */
    public void revoke(String writId) {
        var writ = writs.require(writId);
        var entitlement = entitlementOf(writ);
        if (!directory.revoke(writ.targetRef(), entitlement)) {
            throw new IllegalStateException("Keycloak still shows " + entitlement.name() + " for " + writ.target()
                    + " after revoking it");
        }
        var absentAt = clock.instant();
        int sessions = directory.logout(writ.targetRef());
        var loggedOutAt = clock.instant();
        if (writ.recordRevocation(absentAt, absentAt, loggedOutAt)) {
            notices.record(Notice.revoked(writ, loggedOutAt));
            notices.record(Notice.postAccessReviewNeeded(writ, loggedOutAt));
            audit.record(new AuditEntry(loggedOutAt, AuditEntry.SYSTEM, "writ.revoked", subject(writ),
                    entitlement.name() + " removed from " + writ.target() + " and read back absent; " + sessions
                            + " session(s) logged out; reason "
                            + writ.grant().flatMap(g -> g.revocationReason()).map(Enum::name).orElse("?")));
        }
    }

    /** The writ has waited a while: those who may decide and have not are reminded. */
    public void remindApprovers(String writId) {
        var writ = writs.require(writId);
        if (writ.state() != WritState.PENDING_APPROVAL) {
            return; // decided while the reminder was due
        }
        var now = clock.instant();
        notices.record(Notice.reminder(writ, now));
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.approvers-reminded", subject(writ),
                writ.approvalsSoFar() + " of " + writ.policy().map(ApprovalPolicy::approvalsRequired).orElse(0)
                        + " approvals so far"));
    }

    /** The approvers took too long: the backup group may decide as well. */
    public void escalated(String writId, String backupGroup) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.escalateTo(backupGroup);
        notices.record(Notice.escalated(writ, backupGroup, now));
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.escalated", subject(writ),
                "handed to backup group " + backupGroup));
    }

    /** Nobody decided before the deadline. */
    public void expireUnapproved(String writId) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.expireUnapproved(now);
        notices.record(Notice.expiredUnapproved(writ, now));
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, "writ.expired-unapproved", subject(writ),
                "no decision before the approval deadline"));
    }

    /** The requester withdraws a writ that is not granted yet. */
    public Writ cancel(String writId, String requester) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.cancel(requester, now);
        audit.record(new AuditEntry(now, requester, "writ.cancelled", subject(writ), "withdrawn by the requester"));
        process.cancel(writId);
        return writ;
    }

    /** The requester asks for more time on an active writ; approvers decide. Without approval the end stands. */
    public Writ requestExtension(String writId, String requester, int extraMinutes) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.requestExtension(requester, extraMinutes, now);
        notices.record(Notice.extensionRequested(writ, now));
        audit.record(new AuditEntry(now, requester, "writ.extension-requested", subject(writ),
                extraMinutes + " more minutes"));
        return writ;
    }

    /** An approver decides on the pending extension; an approved one moves the window's end (and its timer). */
    public Writ decideExtension(String writId, String approverName, Decision decision, String comment) {
        var writ = writs.require(writId);
        var approver = new Approver(approverName, groupsOf(approverName));
        var now = clock.instant();
        if (decision == Decision.APPROVE) {
            writ.approveExtension(approver, now);
            var newEnd = writ.grant().orElseThrow().expiresAt();
            audit.record(new AuditEntry(now, approverName, "writ.extension-approved", subject(writ),
                    "window now ends at " + newEnd));
            process.moveWindowEnd(writId, newEnd);
        } else {
            writ.rejectExtension(approver, comment, now);
            audit.record(new AuditEntry(now, approverName, "writ.extension-rejected", subject(writ), comment));
        }
        notices.record(Notice.extensionDecided(writ, now));
        return writ;
    }

    /** The ticket behind active writs was closed: they end now and access is revoked. Returns the writs ended. */
    public List<Writ> ticketClosed(String ticketRef, String closedBy) {
        var ended = writs.activeWithTicket(ticketRef);
        ended.forEach(writ -> end(writ.id(), RevocationReason.TICKET_CLOSED, closedBy));
        return ended;
    }

    /**
     * Security containment ends an active writ at once: it becomes CONTAINED and its process revokes the
     * entitlement and logs the identity out. False when the writ was no longer active (nothing to contain).
     */
    public boolean contain(String writId, String by) {
        if (writs.require(writId).state() != WritState.ACTIVE) {
            return false;
        }
        end(writId, RevocationReason.CONTAINMENT, by);
        return true;
    }

    private Writ end(String writId, RevocationReason reason, String by) {
        var writ = writs.require(writId);
        var now = clock.instant();
        if (writ.requestEnd(reason, by, now)) {
            audit.record(new AuditEntry(now, by, "writ.end-requested", subject(writ), reason.name()));
            process.requestEnd(writId);
        }
        return writ;
    }

    /** The writs a person asked for. */
    public List<Writ> mine(String requester) {
        return writs.mine(requester);
    }

    /** The writs awaiting a decision this person may make (never their own, nor one for an NHI they own). */
    public List<Writ> awaiting(String approver) {
        var who = new Approver(approver, groupsOf(approver));
        return writs.awaitingDecision().stream().filter(w -> w.awaitsDecisionFrom(who)).toList();
    }

    /** The active writs whose extension awaits a decision this person may make. */
    public List<Writ> extensionsAwaiting(String approver) {
        var who = new Approver(approver, groupsOf(approver));
        return writs.extensionAwaitingDecision().stream().filter(w -> w.awaitsExtensionDecisionFrom(who)).toList();
    }

    /** One writ, for someone the writ allows to see it ({@code overseer}: the caller has security or compliance). */
    public Writ visibleTo(String writId, String caller, boolean overseer) {
        var writ = writs.require(writId);
        // Groups are asked of Keycloak only when who the caller is does not settle it, so the people closest to a
        // writ (and overseers) can still read it while Keycloak is away.
        if (!writ.mayBeSeenBy(caller, Set.of(), overseer) && !writ.mayBeSeenBy(caller, groupsOf(caller), false)) {
            throw new NotPermitted("writ " + writId + " is not yours to see");
        }
        return writ;
    }

    /** The writ's process as a diagram, with where it stands, for someone the writ allows to see it. */
    public WritDiagram diagramOf(String writId, String caller, boolean overseer) {
        return process.diagramOf(visibleTo(writId, caller, overseer));
    }

    /** The writ, what happened to it and its process, for someone the writ allows to see it. */
    public WritDossier dossierOf(String writId, String caller, boolean overseer) {
        var writ = visibleTo(writId, caller, overseer);
        return new WritDossier(writ, audit.about(subject(writ)), process.diagramOf(writ));
    }

    private java.util.Set<String> groupsOf(String username) {
        return directory.identity(username).map(DirectoryIdentity::groups).orElse(java.util.Set.of());
    }

    private Optional<DirectoryIdentity> resolveTarget(String requester, String target) {
        var name = blankToNull(target) == null ? requester : target.strip();
        var identity = directory.identity(name);
        if (identity.isEmpty() && !name.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            identity = directory.identity(SERVICE_ACCOUNT_PREFIX + name); // an NHI named by its client id
        }
        if (identity.isEmpty()) {
            throw InvalidRequest.of("target", "no identity named '" + name + "' is known to Keycloak");
        }
        var found = identity.get();
        if (!found.enabled()) {
            throw InvalidRequest.of("target", found.username() + " is disabled in Keycloak");
        }
        if (found.nonHuman() && found.owner() == null) {
            throw InvalidRequest.of("target", found.username()
                    + " is a non-human identity without an accountable owner: give it one before it is elevated");
        }
        return identity;
    }

    private Entitlement entitlementOf(Writ writ) {
        return catalogue.named(writ.entitlement()).orElseThrow(() -> new NoSuchElementException(
                "entitlement " + writ.entitlement() + " of writ " + writ.id() + " is no longer in the catalogue"));
    }

    private static String subject(Writ writ) {
        return "writ:" + writ.id();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
