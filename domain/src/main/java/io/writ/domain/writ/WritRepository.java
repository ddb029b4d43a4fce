package io.writ.domain.writ;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where writs are kept (a repository port; the adapter keeps them in the database). */
public interface WritRepository {

    /**
     * Keeps a new writ, or the changes of one already kept, and gives on what happened to it since it was last saved
     * ({@link Writ#takeEvents()}), to be recorded in the same transaction. Every change of a writ ends with this.
     */
    void save(Writ writ);

    Optional<Writ> byId(String id);

    /** The writ with this id, or {@link NoSuchWrit}. */
    default Writ require(String id) {
        return byId(id).orElseThrow(() -> new NoSuchWrit(id));
    }

    /** The writs this person asked for, newest first. */
    List<Writ> mine(String requester);

    /**
     * The latest writs of each of these people, at most {@code max} each, newest first, by requester (a person with
     * none is left out): the histories an approver weighs, read at once for every requester in the inbox.
     */
    Map<String, List<Writ>> latestOf(Set<String> requesters, int max);

    /** Every writ awaiting approval, oldest first; who may decide is asked of each writ. */
    List<Writ> awaitingDecision();

    /** Every active writ whose extension awaits a decision, oldest first. */
    List<Writ> extensionAwaitingDecision();

    /** The active writs backed by this ticket (those to end when it closes). */
    List<Writ> activeWithTicket(String ticketRef);

    /** The tickets behind active writs, each once: the ones whose closure must end access. */
    List<String> ticketsOfActiveWrits();

    /** The latest writs that were granted to this identity, newest grant first (to link its sessions). */
    List<Writ> grantedTo(String target, int max);

    /** Break-glass writs whose post-incident review is due and not yet done, oldest first. */
    List<Writ> awaitingPostIncidentReview();

    /**
     * The writs whose post-access review this person still owes: asked for by them, or granted to an NHI they own;
     * newest first.
     */
    List<Writ> awaitingPostAccessReviewBy(String who);

    /** The active writs that elevate this identity (to link its privileged sessions). */
    List<Writ> activeFor(String target);

    /** Every active writ: the privilege held just in time right now. */
    List<Writ> active();

    /** The active writs of these entitlements (what opens a bastion that serves them). */
    default List<Writ> activeOf(Set<String> entitlements) {
        return active().stream().filter(w -> entitlements.contains(w.entitlement())).toList();
    }

    /** The writs whose approval was reached or refused at or after that instant. */
    List<Writ> decidedSince(Instant since);

    /** The writs submitted in [from, to), oldest first: the population of the compliance evidence. */
    List<Writ> submittedBetween(Instant from, Instant to);

    /** The writs granted at or after that instant (review evidence read for many identities at once). */
    List<Writ> grantedSince(Instant since);

    /** The writs whose revocation was read back at or after that instant. */
    List<Writ> revokedSince(Instant since);

    /**
     * The latest not-before Writ read back from the directory when it revoked a writ of this identity: tokens issued
     * to the identity before it are refused.
     */
    Optional<Instant> tokensRejectedFrom(String target);

    /**
     * The writs granted or revoked at or after that instant whose measured grant or revocation Keycloak's records
     * have not judged yet ({@link io.writ.domain.receipt.Corroboration}), oldest grant first, at most {@code max}.
     */
    List<Writ> awaitingCorroboration(Instant since, int max);

    /**
     * The writs that gave (or are about to give: APPROVED) this entitlement to the identity with that key in the
     * directory, oldest first: whose grants explain the directory's record of the entitlement added.
     */
    List<Writ> grantsOf(String targetId, String entitlement);

    /**
     * Of {@link #grantsOf}, those that matter to an addition of the entitlement at that instant, oldest first: the
     * writs approved then or being granted (whose grant may be that addition, within {@code skew}), and the latest
     * granted before it. However many writs the identity had before, a few are read.
     */
    List<Writ> grantsAround(String targetId, String entitlement, Instant at, Duration skew);

    /** The active writs whose window ends before that instant, soonest first (to warn their requesters). */
    List<Writ> activeEndingBefore(Instant instant);
}
