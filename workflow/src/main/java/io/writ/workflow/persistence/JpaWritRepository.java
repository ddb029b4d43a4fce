package io.writ.workflow.persistence;

import io.writ.domain.writ.ElevationRequest;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writs in the database. */
@Stateless
public class JpaWritRepository implements WritRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void save(ElevationRequest writ) {
        if (em.contains(writ)) {
            return; // managed: changes are flushed with the transaction
        }
        if (em.find(ElevationRequest.class, writ.id()) == null) {
            em.persist(writ);
        } else {
            em.merge(writ);
        }
    }

    @Override
    public Optional<ElevationRequest> byId(String id) {
        return Optional.ofNullable(em.find(ElevationRequest.class, id));
    }

    @Override
    public List<ElevationRequest> mine(String requester) {
        return em.createQuery("select w from ElevationRequest w where w.requester = :requester "
                        + "order by w.submittedAt desc", ElevationRequest.class)
                .setParameter("requester", requester)
                .getResultList();
    }

    @Override
    public List<ElevationRequest> awaitingDecision() {
        return inState(WritState.PENDING_APPROVAL);
    }

    @Override
    public List<ElevationRequest> activeWithTicket(String ticketRef) {
        return em.createQuery("select w from ElevationRequest w where w.ticket = :ticket and w.state = :state "
                        + "order by w.submittedAt", ElevationRequest.class)
                .setParameter("ticket", ticketRef)
                .setParameter("state", WritState.ACTIVE)
                .getResultList();
    }

    @Override
    public List<ElevationRequest> activeFor(String target) {
        return em.createQuery("select w from ElevationRequest w where w.target = :target and w.state = :state "
                        + "order by w.submittedAt", ElevationRequest.class)
                .setParameter("target", target)
                .setParameter("state", WritState.ACTIVE)
                .getResultList();
    }

    @Override
    public List<ElevationRequest> activeEndingBefore(Instant instant) {
        return em.createQuery("select w from ElevationRequest w where w.state = :state "
                        + "and w.grant.expiresAt < :instant order by w.grant.expiresAt", ElevationRequest.class)
                .setParameter("state", WritState.ACTIVE)
                .setParameter("instant", instant)
                .getResultList();
    }

    private List<ElevationRequest> inState(WritState state) {
        return em.createQuery("select w from ElevationRequest w where w.state = :state order by w.submittedAt",
                        ElevationRequest.class)
                .setParameter("state", state)
                .getResultList();
    }
}
