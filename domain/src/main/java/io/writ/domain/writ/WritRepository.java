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

    /** The active writs backed by this ticket (those to end when it closes). */
    List<ElevationRequest> activeWithTicket(String ticketRef);

    /** The active writs that elevate this identity (to link its privileged sessions). */
    List<ElevationRequest> activeFor(String target);

    /** The active writs whose window ends before that instant, soonest first (to warn their requesters). */
    List<ElevationRequest> activeEndingBefore(Instant instant);
}
