package io.writ.workflow.writ;

import io.writ.domain.NotPermitted;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.writ.process.ElevationProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Set;

/** What people may read of writs: their own, those awaiting their decision, one writ with its history. */
@ApplicationScoped
@Transactional
public class WritQueries {

    @Inject
    WritRepository writs;

    @Inject
    Approvers approvers;

    @Inject
    AuditTrail audit;

    @Inject
    ElevationProcess process;

    /** The writs a person asked for, newest first. */
    public List<Writ> mine(String requester) {
        return writs.mine(requester);
    }

    /** The writs awaiting a decision this person may make (never their own, nor one for an NHI they own). */
    public List<Writ> awaiting(String approver) {
        var who = approvers.named(approver);
        return writs.awaitingDecision().stream().filter(w -> w.awaitsDecisionFrom(who)).toList();
    }

    /** The active writs whose extension awaits a decision this person may make. */
    public List<Writ> extensionsAwaiting(String approver) {
        var who = approvers.named(approver);
        return writs.extensionAwaitingDecision().stream().filter(w -> w.awaitsExtensionDecisionFrom(who)).toList();
    }

    /** The ended writs whose post-access review this person still owes, newest first. */
    public List<Writ> awaitingPostAccessReview(String who) {
        return writs.awaitingPostAccessReviewBy(who);
    }

    /** One writ, for someone the writ allows to see it ({@code overseer}: the caller has security or compliance). */
    public Writ visibleTo(String writId, String caller, boolean overseer) {
        var writ = writs.require(writId);
        // Groups are asked of Keycloak only when who the caller is does not settle it, so the people closest to a
        // writ (and overseers) can still read it while Keycloak is away.
        if (!writ.mayBeSeenBy(caller, Set.of(), overseer)
                && !writ.mayBeSeenBy(caller, approvers.groupsOf(caller), false)) {
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
        return new WritDossier(writ, audit.about(WritEvent.subjectOf(writ.id())), process.diagramOf(writ));
    }
}
