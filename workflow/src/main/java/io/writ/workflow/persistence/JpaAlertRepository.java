package io.writ.workflow.persistence;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertState;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** Alerts in the database. */
@Stateless
public class JpaAlertRepository implements AlertRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void save(Alert alert) {
        if (!em.contains(alert)) {
            em.persist(alert);
        }
    }

    @Override
    public Optional<Alert> byId(String id) {
        return Optional.ofNullable(em.find(Alert.class, id));
    }

    @Override
    public List<Alert> open() {
        return em.createQuery("select a from Alert a where a.state in :states order by a.raisedAt desc", Alert.class)
                .setParameter("states", List.of(AlertState.OPEN, AlertState.CONTAINING, AlertState.CONTAINED))
                .getResultList();
    }

    @Override
    public List<Alert> aboutIdentitySince(String identity, java.time.Instant since) {
        return em.createQuery("select a from Alert a where a.identity = :identity and a.raisedAt >= :since "
                        + "order by a.raisedAt desc", Alert.class)
                .setParameter("identity", identity)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<Alert> aboutWrit(String writId) {
        return em.createQuery("select a from Alert a where a.writId = :writ order by a.raisedAt", Alert.class)
                .setParameter("writ", writId)
                .getResultList();
    }

    @Override
    public List<Alert> aboutSession(String sessionId) {
        return em.createQuery("select a from Alert a where a.sessionId = :session order by a.raisedAt", Alert.class)
                .setParameter("session", sessionId)
                .getResultList();
    }

    @Override
    public boolean raisedOn(String eventId) {
        return !em.createQuery("select a.id from Alert a where a.eventId = :event", String.class)
                .setParameter("event", eventId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public List<Alert> raisedBetween(java.time.Instant from, java.time.Instant to) {
        return em.createQuery("select a from Alert a where a.raisedAt >= :from and a.raisedAt < :to order by a.raisedAt",
                        Alert.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
