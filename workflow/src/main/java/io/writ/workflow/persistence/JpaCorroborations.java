package io.writ.workflow.persistence;

import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.CorroborationRepository;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The identity provider's word on grants and revocations, in the database (one row per writ and step). */
@Stateless
public class JpaCorroborations implements CorroborationRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public boolean saveOnce(Corroboration corroboration) {
        var judged = em.createQuery("select count(c) from Corroboration c where c.writId = :writ and c.step = :step",
                        Long.class)
                .setParameter("writ", corroboration.writId())
                .setParameter("step", corroboration.step())
                .getSingleResult();
        if (judged > 0) {
            return false;
        }
        em.persist(corroboration);
        return true;
    }

    @Override
    public List<Corroboration> of(String writId) {
        return em.createQuery("select c from Corroboration c where c.writId = :writ order by c.step", Corroboration.class)
                .setParameter("writ", writId)
                .getResultList();
    }

    @Override
    public Set<String> cited(Collection<String> eventIds) {
        return Set.copyOf(InSlices.read(eventIds, ids -> em.createQuery(
                        "select c.eventId from Corroboration c where c.eventId in :events", String.class)
                .setParameter("events", ids)
                .getResultList()));
    }

    @Override
    public List<Corroboration> ofAll(Collection<String> writIds) {
        return InSlices.read(writIds, ids -> em.createQuery(
                        "select c from Corroboration c where c.writId in :writs", Corroboration.class)
                .setParameter("writs", ids)
                .getResultList());
    }
}
