package io.writ.workflow.fakes;

import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Writs kept in memory; saving hands the writ's events on, as the JPA repository fires them. */
public final class FakeWrits implements WritRepository {

    private final Map<String, Writ> kept = new LinkedHashMap<>();
    private final Consumer<WritEvent> happened;

    public FakeWrits(Consumer<WritEvent> happened) {
        this.happened = happened;
    }

    @Override
    public void save(Writ writ) {
        kept.put(writ.id(), writ);
        writ.takeEvents().forEach(happened);
    }

    public List<Writ> all() {
        return List.copyOf(kept.values());
    }

    @Override
    public Optional<Writ> byId(String id) {
        return Optional.ofNullable(kept.get(id));
    }

    @Override
    public List<Writ> mine(String requester) {
        return newestFirst(w -> w.requester().equals(requester));
    }

    @Override
    public Map<String, List<Writ>> latestOf(Set<String> requesters, int max) {
        return kept.values().stream().filter(w -> requesters.contains(w.requester()))
                .sorted(Comparator.comparing(Writ::submittedAt).reversed())
                .collect(Collectors.groupingBy(Writ::requester, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.subList(0, Math.min(max, l.size())))));
    }

    @Override
    public List<Writ> awaitingDecision() {
        return where(w -> w.state() == WritState.PENDING_APPROVAL);
    }

    @Override
    public List<Writ> extensionAwaitingDecision() {
        return where(w -> w.pendingExtension().isPresent());
    }

    @Override
    public List<Writ> activeWithTicket(String ticketRef) {
        return where(w -> w.state() == WritState.ACTIVE && w.ticket().filter(ticketRef::equals).isPresent());
    }

    @Override
    public List<String> ticketsOfActiveWrits() {
        return where(w -> w.state() == WritState.ACTIVE && w.ticket().isPresent()).stream()
                .map(w -> w.ticket().orElseThrow()).distinct().toList();
    }

    @Override
    public List<Writ> grantedTo(String target, int max) {
        return kept.values().stream().filter(w -> w.target().equals(target) && w.grant().isPresent())
                .sorted(Comparator.comparing((Writ w) -> w.grant().orElseThrow().grantedAt()).reversed())
                .limit(max).toList();
    }

    @Override
    public List<Writ> awaitingPostIncidentReview() {
        return where(Writ::awaitsPostIncidentReview);
    }

    @Override
    public List<Writ> awaitingPostAccessReviewBy(String who) {
        return newestFirst(w -> w.awaitsPostAccessReview()
                && (w.requester().equals(who) || w.targetOwner().filter(who::equals).isPresent()));
    }

    @Override
    public List<Writ> activeFor(String target) {
        return where(w -> w.state() == WritState.ACTIVE && w.target().equals(target));
    }

    @Override
    public List<Writ> active() {
        return where(w -> w.state() == WritState.ACTIVE);
    }

    @Override
    public List<Writ> decidedSince(Instant since) {
        return where(w -> w.decidedAt().filter(at -> !at.isBefore(since)).isPresent());
    }

    @Override
    public List<Writ> submittedBetween(Instant from, Instant to) {
        return where(w -> !w.submittedAt().isBefore(from) && w.submittedAt().isBefore(to));
    }

    @Override
    public List<Writ> grantedSince(Instant since) {
        return where(w -> w.grant().filter(g -> !g.grantedAt().isBefore(since)).isPresent());
    }

    @Override
    public List<Writ> revokedSince(Instant since) {
        return where(w -> w.grant().flatMap(g -> g.confirmedAbsentAt()).filter(at -> !at.isBefore(since))
                .isPresent());
    }

    @Override
    public Optional<Instant> tokensRejectedFrom(String target) {
        return kept.values().stream().filter(w -> w.target().equals(target))
                .flatMap(w -> w.grant().flatMap(g -> g.tokensRejectedFrom()).stream()).max(Instant::compareTo);
    }

    /** Every writ granted or revoked since (the fake keeps no corroborations: the caller filters). */
    @Override
    public List<Writ> awaitingCorroboration(Instant since, int max) {
        return kept.values().stream().filter(w -> w.grant().filter(g -> !g.grantedAt().isBefore(since)
                        || g.confirmedAbsentAt().filter(at -> !at.isBefore(since)).isPresent()).isPresent())
                .sorted(Comparator.comparing((Writ w) -> w.grant().orElseThrow().grantedAt())).limit(max).toList();
    }

    @Override
    public List<Writ> grantsOf(String targetId, String entitlement) {
        return where(w -> targetId.equals(w.targetRef().id()) && w.entitlement().equals(entitlement)
                && (w.grant().isPresent() || w.state() == WritState.APPROVED));
    }

    @Override
    public List<Writ> grantsAround(String targetId, String entitlement, Instant at, java.time.Duration skew) {
        return grantsOf(targetId, entitlement);
    }

    @Override
    public List<Writ> activeEndingBefore(Instant instant) {
        return where(w -> w.state() == WritState.ACTIVE && w.grant().orElseThrow().expiresAt().isBefore(instant));
    }

    private List<Writ> where(Predicate<Writ> condition) {
        return kept.values().stream().filter(condition).toList();
    }

    private List<Writ> newestFirst(Predicate<Writ> condition) {
        return kept.values().stream().filter(condition).sorted(Comparator.comparing(Writ::submittedAt).reversed())
                .toList();
    }
}
