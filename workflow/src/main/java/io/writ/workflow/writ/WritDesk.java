package io.writ.workflow.writ;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.ticket.TicketSystem;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Submission;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritForm;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.WritStateConflict;
import io.writ.workflow.breakglass.process.BreakGlassProcess;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import io.writ.workflow.writ.process.ElevationProcess;
import jakarta.enterprise.context.ApplicationScoped;
import org.camunda.bpm.engine.OptimisticLockingException;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What people (and other features on their behalf) ask of writs, each in one transaction: load the writ, let it
 * decide, store it (which records what happened: {@link WritEventRecorder}), move its process on. The rules live in
 * {@link Writ}; the process's own steps are in {@code process.ElevationSteps}. Two actions on one writ at the same
 * moment: the one that loses is done again on what the other left ({@link RetryOnConcurrentChange}), and the same
 * action twice is answered as the first.
 */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class WritDesk {

    /** Longer than any username or client id: not worth asking the directory about. */
    private static final int LONGEST_NAME = 200;

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    TicketSystem tickets;

    @Inject
    IdentityDirectory directory;

    @Inject
    NhiClients nhiClients;

    @Inject
    AccessAssignments assignments;

    @Inject
    Approvers approvers;

    @Inject
    ElevationProcess process;

    @Inject
    BreakGlassProcess breakGlass;

    Clock clock = Clock.systemUTC();

    /**
     * A requester (a person, or an NHI for itself) asks for elevation: what the form names is looked up (the
     * target in the directory, the entitlement in the catalogue, the ticket in the ticket system), and every field
     * error is answered at once. The process decides the policy in this transaction: a window over its cap is
     * refused here too.
     */
    public Writ submit(String requester, WritForm form) {
        return submit(requester, SignIn.UNKNOWN, form);
    }

    /** The same, by a requester who had signed in so (what step-up reads, and what the writ keeps). */
    public Writ submit(String requester, SignIn signIn, WritForm form) {
        var ticketRef = form.ticketRef();
        var ticketStatus = ticketRef == null ? null : tickets.check(ticketRef);
        var entitlement = Optional.ofNullable(form.entitlementName()).flatMap(catalogue::named);
        var target = identityNamed(form.targetOr(requester));
        var writ = Writ.submit(Submission.of(requester, form, target, entitlement, ticketStatus,
                heldStanding(requester, target, entitlement)).signedIn(signIn), clock.instant());
        writs.save(writ);
        if (writ.breakGlass()) {
            breakGlass.start(writ);
        } else {
            process.start(writ, ticketStatus != null && ticketStatus.isOpen());
        }
        return writ;
    }

    /**
     * An approver decides through the API or a page. The decision is applied where the process expects it, on its
     * approval task, so the same separation-of-duties check runs whichever way a decision arrives.
     */
    public Writ decide(String writId, String approver, Decision decision, String comment) {
        return decide(writId, approver, SignIn.UNKNOWN, decision, comment);
    }

    /** The same, by an approver who had signed in so (what step-up reads, and what the decision keeps). */
    public Writ decide(String writId, String approver, SignIn signIn, Decision decision, String comment) {
        var writ = writs.require(writId);
        if (writ.alreadyDecided(approver, decision)) {
            return writ; // the same decision again (a second click, or two of them at once): answered as the first
        }
        if (writ.state() != WritState.PENDING_APPROVAL) {
            throw new WritStateConflict(writ.state(), "writ " + writId + " is " + writ.state()
                    + " and awaits no decision");
        }
        if (!process.completeDecision(writId, approver, signIn, decision, comment)) {
            // Read as awaiting a decision, but its approval task is gone: another action (a cancel, the final
            // approval, the deadline) took it at the same moment. Done again on what that left, the caller is told
            // the writ's state as it now stands.
            throw new OptimisticLockingException("the approval task of writ " + writId + " went at the same moment");
        }
        return writ;
    }

    /** The requester withdraws a writ that is not granted yet. */
    public Writ cancel(String writId, String requester) {
        var writ = writs.require(writId);
        if (writ.cancel(requester, clock.instant())) {
            writs.save(writ);
            process.cancel(writId);
        }
        return writ;
    }

    /** The requester ends their window now; revocation follows at once. */
    public Writ endNow(String writId, String requester) {
        return end(writId, RevocationReason.ENDED_BY_REQUESTER, requester);
    }

    /** The requester asks for more time on an active writ; approvers decide. Without approval the end stands. */
    public Writ requestExtension(String writId, String requester, int extraMinutes) {
        var writ = writs.require(writId);
        writ.requestExtension(requester, extraMinutes, clock.instant());
        writs.save(writ);
        return writ;
    }

    /** An approver decides on the pending extension; an approved one moves the window's end (and its timer). */
    public Writ decideExtension(String writId, String approverName, Decision decision, String comment) {
        return decideExtension(writId, approverName, SignIn.UNKNOWN, decision, comment);
    }

    /** The same, by an approver who had signed in so. */
    public Writ decideExtension(String writId, String approverName, SignIn signIn, Decision decision,
                                String comment) {
        var writ = writs.require(writId);
        var approver = approvers.named(approverName).signedIn(signIn);
        var now = clock.instant();
        if (decision == Decision.APPROVE) {
            writ.approveExtension(approver, now);
            process.moveWindowEnd(writId, writ.grant().orElseThrow().expiresAt());
        } else {
            writ.rejectExtension(approver, comment, now);
        }
        writs.save(writ);
        return writ;
    }

    /**
     * The requester (or the NHI's owner) says whether the ended writ's access was used as intended; the answer is
     * evidence in the next access review campaign.
     */
    public Writ answerPostAccessReview(String writId, String by, Boolean usedAsIntended, String comment) {
        var writ = writs.require(writId);
        writ.answerPostAccessReview(by, usedAsIntended, comment, clock.instant());
        writs.save(writ);
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
        if (writ.requestEnd(reason, by, clock.instant())) {
            writs.save(writ);
            process.requestEnd(writId);
        }
        return writ;
    }

    /**
     * The identity a form names, as the directory knows it: a username (a person, or an NHI's service account), or
     * else a client id whose service account it is. What is an NHI is the directory's word, never the name's.
     */
    /**
     * Whether the target holds the entitlement in Keycloak by hand: held, and no writ of theirs for it may hold it
     * ({@link Writ#mayHoldEntitlement}: approved, active, or ended and not yet revoked).
     */
    private boolean heldStanding(String requester, Optional<DirectoryIdentity> target,
                                 Optional<Entitlement> entitlement) {
        if (target.isEmpty() || entitlement.isEmpty()) {
            return false;
        }
        var name = target.get().username();
        if (!assignments.holds(name, entitlement.get())) {
            return false; // the usual case: the writs need not be read
        }
        var entitlementName = entitlement.get().name();
        var byKey = target.get().id() == null ? List.<Writ>of() : writs.grantsOf(target.get().id(), entitlementName);
        return java.util.stream.Stream.of(byKey, writs.activeFor(name), writs.mine(requester)).flatMap(List::stream)
                .noneMatch(w -> w.target().equals(name) && w.entitlement().equals(entitlementName)
                        && w.mayHoldEntitlement());
    }

    private Optional<DirectoryIdentity> identityNamed(String name) {
        if (name.length() > LONGEST_NAME) {
            return Optional.empty();
        }
        var identity = directory.identity(name);
        if (identity.isPresent()) {
            return identity;
        }
        return nhiClients.nonHumanIdentity(name).map(DirectoryClient::serviceAccount).flatMap(directory::identity);
    }
}
