package io.writ.workflow.breakglass;

import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.breakglass.process.BreakGlassProcess;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import io.writ.workflow.engine.RetryOnConcurrentChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Break-glass: a writ granted at once on the word of the one who broke the glass, announced to security and the
 * skipped approvers, short, its touched credentials rotated after it, and reviewed by security afterwards. Each
 * step in one transaction; the grant, window end and revocation are the elevation process's own steps.
 */
@ApplicationScoped
@Transactional
@RetryOnConcurrentChange
public class BreakGlassDesk {

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    IdentityDirectory directory;

    @Inject
    NhiDesk nhis;

    @Inject
    BreakGlassProcess process;

    @Inject
    BreakGlassSettings settings;

    Clock clock = Clock.systemUTC();

    /**
     * Approved at once by the one who broke the glass (their justification is the mandatory reason), for a short
     * window: the break-glass cap, or the entitlement's own maximum if shorter.
     */
    public Writ applyPolicy(String writId) {
        var writ = writs.require(writId);
        var entitlement = catalogue.require(writ.entitlement());
        writ.applyPolicy(ApprovalPolicy.autoApproved(entitlement.approverGroup(),
                Math.min(entitlement.maxMinutes(), settings.maxMinutes())), clock.instant());
        writs.save(writ);
        return writ;
    }

    /** The break-glass grant is in place: security and the approvers who were skipped are told at once. */
    public void granted(String writId) {
        var writ = writs.require(writId);
        writ.announceBreakGlass(clock.instant());
        writs.save(writ);
    }

    /**
     * After break-glass access was revoked, the credentials it touched are rotated: an NHI's client secret. A
     * person's were their sessions, which the revocation logged out. What the target is, the directory says.
     */
    public void rotateTouchedCredentials(String writId) {
        var writ = writs.require(writId);
        var target = directory.identity(writ.target());
        String how;
        if (target.filter(DirectoryIdentity::isNonHuman).isPresent()) {
            var clientId = target.get().clientId();
            nhis.rotateNow(clientId, RotationReason.BREAK_GLASS, WritEvent.SYSTEM);
            nhis.ownerTold(clientId, RotationReason.BREAK_GLASS);
            how = writ.target() + " is the service account of " + clientId + ": its client secret was regenerated";
        } else if (target.isPresent()) {
            how = writ.target() + " is a person: their Keycloak sessions were logged out with the revocation";
        } else {
            how = writ.target() + " is no longer known to Keycloak: no credential left to rotate";
        }
        writ.recordCredentialsAfterBreakGlass(how, clock.instant());
        writs.save(writ);
    }

    /** Opens the break-glass writ's mandatory post-incident review; returns when it is due. */
    public Instant openPostIncidentReview(String writId, Duration within) {
        var writ = writs.require(writId);
        var now = clock.instant();
        writ.requirePostIncidentReview(now.plus(within), now);
        writs.save(writ);
        return writ.postIncidentReview().orElseThrow().due();
    }

    /** Security records the post-incident review of a break-glass writ; the process's review task completes. */
    public Writ recordPostIncidentReview(String writId, String reviewer, String findings) {
        var writ = writs.require(writId);
        writ.recordPostIncidentReview(reviewer, findings, clock.instant());
        writs.save(writ);
        process.completeReview(writId);
        return writ;
    }

    /** Nobody reviewed the break-glass writ in time: escalated (it stays due until someone does). */
    public void postIncidentReviewOverdue(String writId) {
        var writ = writs.require(writId);
        if (writ.awaitsPostIncidentReview()) {
            writ.postIncidentReviewOverdue(clock.instant());
            writs.save(writ);
        }
    }

    /** Break-glass writs whose post-incident review is due, oldest first. */
    public List<Writ> awaitingPostIncidentReview() {
        return writs.awaitingPostIncidentReview();
    }
}
