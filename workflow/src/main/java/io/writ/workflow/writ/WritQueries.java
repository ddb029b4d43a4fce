package io.writ.workflow.writ;

import io.writ.domain.NotPermitted;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.ticket.TicketState;
import io.writ.domain.ticket.TicketSystem;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.writ.process.ElevationProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What people may read of writs: their own, those awaiting their decision (an approver's inbox), one writ in full. */
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

    @Inject
    TicketSystem tickets;

    /** The writs a person asked for, newest first. */
    public List<Writ> mine(String requester) {
        return writs.mine(requester);
    }

    /** The writs awaiting a decision this person may make (never their own, nor one for an NHI they own). */
    public List<Writ> awaiting(String approver) {
        var who = approvers.named(approver);
        return writs.awaitingDecision().stream().filter(w -> w.awaitsDecisionFrom(who)).toList();
    }

    /**
     * Everything awaiting this person's decision, with the ticket's state and the requester's latest other writs
     * beside each: the histories in one read for all requesters, and each distinct ticket checked once.
     */
    public Inbox inbox(String approver) {
        var who = approvers.named(approver);
        var awaiting = writs.awaitingDecision().stream().filter(w -> w.awaitsDecisionFrom(who)).toList();
        var extensions = writs.extensionAwaitingDecision().stream().filter(w -> w.awaitsExtensionDecisionFrom(who))
                .toList();
        // One more than shown each: a writ awaiting may be among its requester's latest, and is not its own history.
        var latest = writs.latestOf(awaiting.stream().map(Writ::requester).collect(Collectors.toSet()),
                Inbox.HISTORY + 1);
        var checked = new HashMap<String, TicketState>();
        return new Inbox(
                awaiting.stream().map(w -> new Inbox.Entry(w, ticketState(w, checked), history(w, latest))).toList(),
                extensions.stream().map(w -> new Inbox.Entry(w, ticketState(w, checked), List.of())).toList());
    }

    /** What the ticket system says of the writ's ticket now, asked once per ticket however many writs it backs. */
    private Optional<TicketState> ticketState(Writ writ, Map<String, TicketState> checked) {
        return writ.ticket().map(ref -> checked.computeIfAbsent(ref, r -> tickets.check(r).state()));
    }

    private static List<Writ> history(Writ writ, Map<String, List<Writ>> latest) {
        return latest.getOrDefault(writ.requester(), List.of()).stream()
                .filter(other -> !other.id().equals(writ.id())).limit(Inbox.HISTORY).toList();
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
