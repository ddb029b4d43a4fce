package io.writ.domain.writ;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where writs are kept (a repository port; the adapter keeps them in the database). */
public interface WritRepository {

    /** Keeps a new writ, or the changes of one already kept. */
    void save(ElevationRequest writ);

    Optional<ElevationRequest> byId(String id);

    /** The writ with this id, or {@link NoSuchWrit}. */
    default ElevationRequest require(String id) {
        return byId(id).orElseThrow(() -> new NoSuchWrit(id));
    }

    /** The writs this person asked for, newest first. */
    List<ElevationRequest> mine(String requester);

    /** Every writ awaiting approval, oldest first; who may decide is asked of each writ. */
    List<ElevationRequest> awaitingDecision();

    /** Every active writ whose extension awaits a decision, oldest first. */
    List<ElevationRequest> extensionAwaitingDecision();

    /** The active writs backed by this ticket (those to end when it closes). */
    List<ElevationRequest> activeWithTicket(String ticketRef);

    /** The latest writs that were granted to this identity, newest grant first (to link its sessions). */
    List<ElevationRequest> grantedTo(String target, int max);

    /** Break-glass writs whose post-incident review is due and not yet done, oldest first. */
    List<ElevationRequest> awaitingPostIncidentReview();

    /**
     * The writs whose post-access review this person still owes: asked for by them, or granted to an NHI they own;
     * newest first.
     */
    List<ElevationRequest> awaitingPostAccessReviewBy(String who);

    /** The active writs that elevate this identity (to link its privileged sessions). */
    List<ElevationRequest> activeFor(String target);

    /** Every active writ: the privilege held just in time right now. */
    List<ElevationRequest> active();

    /** The writs whose approval was reached or refused at or after that instant. */
    List<ElevationRequest> decidedSince(Instant since);

    /** The writs submitted in [from, to), oldest first: the population of the compliance evidence. */
    List<ElevationRequest> submittedBetween(Instant from, Instant to);

    /** The writs whose revocation was read back at or after that instant. */
    List<ElevationRequest> revokedSince(Instant since);

    /** The active writs whose window ends before that instant, soonest first (to warn their requesters). */
    List<ElevationRequest> activeEndingBefore(Instant instant);
}
