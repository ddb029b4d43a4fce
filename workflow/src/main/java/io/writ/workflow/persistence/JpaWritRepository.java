package io.writ.workflow.persistence;

import io.writ.domain.receipt.Corroboration;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.ExtensionState;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Writs in the database. */
@Stateless
public class JpaWritRepository implements WritRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Inject
    Event<WritEvent> happened;

    /** Keeps the writ, and tells what happened to it since it was loaded (observers record it, in this transaction). */
    @Override
    public void save(Writ writ) {
        if (!em.contains(writ)) { // a managed writ's changes are flushed with the transaction
            if (em.find(Writ.class, writ.id()) == null) {
                em.persist(writ);
            } else {
                em.merge(writ);
            }
        }
        writ.takeEvents().forEach(happened::fire);
    }

    @Override
    public Optional<Writ> byId(String id) {
        return Optional.ofNullable(em.find(Writ.class, id));
    }

    @Override
    public List<Writ> mine(String requester) {
        return em.createQuery("select w from Writ w where w.terms.requester = :requester "
                        + "order by w.terms.submittedAt desc", Writ.class)
                .setParameter("requester", requester)
                .getResultList();
    }

    @Override
    public Map<String, List<Writ>> latestOf(Set<String> requesters, int max) {
        if (requesters.isEmpty()) {
            return Map.of();
        }
        // A writ is among its requester's latest when fewer than max of theirs are newer: one read for all of them,
        // in JPQL that H2 and PostgreSQL both take. Writs submitted at the same instant may let more through, hence
        // the limit below.
        var latest = em.createQuery("select w from Writ w where w.terms.requester in :requesters "
                        + "and (select count(newer) from Writ newer "
                        + "where newer.terms.requester = w.terms.requester "
                        + "and newer.terms.submittedAt > w.terms.submittedAt) < :max "
                        + "order by w.terms.requester, w.terms.submittedAt desc", Writ.class)
                .setParameter("requesters", requesters)
                .setParameter("max", (long) max)
                .getResultList();
        return latest.stream().collect(Collectors.groupingBy(Writ::requester, LinkedHashMap::new,
                Collectors.collectingAndThen(Collectors.toList(), writs -> writs.stream().limit(max).toList())));
    }

    @Override
    public List<Writ> awaitingDecision() {
        return inState(WritState.PENDING_APPROVAL);
    }

    @Override
    public List<Writ> extensionAwaitingDecision() {
        return em.createQuery("select w from Writ w where w.state = :state "
                        + "and w.extension.state = :pending order by w.terms.submittedAt", Writ.class)
                .setParameter("state", WritState.ACTIVE)
                .setParameter("pending", ExtensionState.PENDING)
                .getResultList();
    }

    @Override
    public List<String> ticketsOfActiveWrits() {
        return em.createQuery("select distinct w.terms.ticket from Writ w where w.state = :state "
                        + "and w.terms.ticket is not null", String.class)
                .setParameter("state", WritState.ACTIVE)
                .getResultList();
    }

    @Override
    public List<Writ> activeWithTicket(String ticketRef) {
        return em.createQuery("select w from Writ w where w.terms.ticket = :ticket and w.state = :state "
                        + "order by w.terms.submittedAt", Writ.class)
                .setParameter("ticket", ticketRef)
                .setParameter("state", WritState.ACTIVE)
                .getResultList();
    }

    @Override
    public List<Writ> grantedTo(String target, int max) {
        return em.createQuery("select w from Writ w where w.terms.target = :target "
                        + "and w.grant.grantedAt is not null order by w.grant.grantedAt desc", Writ.class)
                .setParameter("target", target)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Writ> awaitingPostIncidentReview() {
        return em.createQuery("select w from Writ w where w.postIncidentReview.due is not null "
                        + "and w.postIncidentReview.reviewedAt is null order by w.postIncidentReview.due",
                        Writ.class)
                .getResultList();
    }

    @Override
    public List<Writ> awaitingPostAccessReviewBy(String who) {
        return em.createQuery("select w from Writ w where w.postAccessReview.askedAt is not null "
                        + "and w.postAccessReview.answeredAt is null "
                        + "and (w.terms.requester = :who or w.terms.targetOwner = :who) "
                        + "order by w.postAccessReview.askedAt desc", Writ.class)
                .setParameter("who", who)
                .getResultList();
    }

    @Override
    public List<Writ> activeFor(String target) {
        return em.createQuery("select w from Writ w where w.terms.target = :target and w.state = :state "
                        + "order by w.terms.submittedAt", Writ.class)
                .setParameter("target", target)
                .setParameter("state", WritState.ACTIVE)
                .getResultList();
    }

    @Override
    public List<Writ> active() {
        return inState(WritState.ACTIVE);
    }

    @Override
    public List<Writ> activeOf(Set<String> entitlements) {
        return em.createQuery("select w from Writ w where w.state = :state and w.terms.entitlement in :entitlements",
                        Writ.class)
                .setParameter("state", WritState.ACTIVE)
                .setParameter("entitlements", entitlements)
                .getResultList();
    }

    @Override
    public List<Writ> decidedSince(Instant since) {
        return em.createQuery("select w from Writ w where w.decisions.decidedAt >= :since "
                        + "order by w.decisions.decidedAt",
                        Writ.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<Writ> submittedBetween(Instant from, Instant to) {
        return em.createQuery("select w from Writ w "
                        + "where w.terms.submittedAt >= :from and w.terms.submittedAt < :to "
                        + "order by w.terms.submittedAt", Writ.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    @Override
    public List<Writ> grantedSince(Instant since) {
        return em.createQuery("select w from Writ w where w.grant.grantedAt >= :since", Writ.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<Writ> revokedSince(Instant since) {
        return em.createQuery("select w from Writ w where w.grant.confirmedAbsentAt >= :since "
                        + "order by w.grant.confirmedAbsentAt", Writ.class)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public Optional<Instant> tokensRejectedFrom(String target) {
        return Optional.ofNullable(em.createQuery("select max(w.grant.tokensRejectedFrom) from Writ w "
                        + "where w.terms.target = :target", Instant.class)
                .setParameter("target", target)
                .getSingleResult());
    }

    @Override
    public List<Writ> awaitingCorroboration(Instant since, int max) {
        return em.createQuery("select w from Writ w where (w.grant.grantedAt >= :since "
                        + "or w.grant.confirmedAbsentAt >= :since) and ("
                        + "(w.grant.grantMeasured = true and not exists (select c.id from Corroboration c "
                        + "where c.writId = w.id and c.step = :grantStep)) "
                        + "or (w.grant.revocationMeasured = true and w.grant.confirmedAbsentAt is not null "
                        + "and not exists (select c.id from Corroboration c where c.writId = w.id "
                        + "and c.step = :revocationStep))) order by w.grant.grantedAt", Writ.class)
                .setParameter("since", since)
                .setParameter("grantStep", Corroboration.Step.GRANT)
                .setParameter("revocationStep", Corroboration.Step.REVOCATION)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Writ> grantsOf(String targetId, String entitlement) {
        return em.createQuery("select w from Writ w where w.terms.targetId = :targetId "
                        + "and w.terms.entitlement = :entitlement "
                        + "and (w.grant.grantedAt is not null or w.state = :approved) order by w.terms.submittedAt",
                        Writ.class)
                .setParameter("targetId", targetId)
                .setParameter("entitlement", entitlement)
                .setParameter("approved", WritState.APPROVED)
                .getResultList();
    }

    @Override
    public List<Writ> grantsAround(String targetId, String entitlement, Instant at, Duration skew) {
        var around = em.createQuery("select w from Writ w where w.terms.targetId = :targetId "
                        + "and w.terms.entitlement = :entitlement and (w.state = :approved or "
                        + "(coalesce(w.decisions.decidedAt, w.terms.submittedAt) <= :late "
                        + "and w.grant.confirmedPresentAt >= :early))", Writ.class)
                .setParameter("targetId", targetId)
                .setParameter("entitlement", entitlement)
                .setParameter("approved", WritState.APPROVED)
                .setParameter("late", at.plus(skew))
                .setParameter("early", at.minus(skew))
                .getResultList();
        var before = em.createQuery("select w from Writ w where w.terms.targetId = :targetId "
                        + "and w.terms.entitlement = :entitlement and w.grant.grantedAt < :at "
                        + "order by w.grant.grantedAt desc", Writ.class)
                .setParameter("targetId", targetId)
                .setParameter("entitlement", entitlement)
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultList();
        return java.util.stream.Stream.concat(around.stream(), before.stream()).distinct()
                .sorted(java.util.Comparator.comparing(Writ::submittedAt)).toList();
    }

    @Override
    public List<Writ> activeEndingBefore(Instant instant) {
        return em.createQuery("select w from Writ w where w.state = :state "
                        + "and w.grant.expiresAt < :instant order by w.grant.expiresAt", Writ.class)
                .setParameter("state", WritState.ACTIVE)
                .setParameter("instant", instant)
                .getResultList();
    }

    private List<Writ> inState(WritState state) {
        return em.createQuery("select w from Writ w where w.state = :state order by w.terms.submittedAt",
                        Writ.class)
                .setParameter("state", state)
                .getResultList();
    }
}
