package io.writ.workflow.persistence;

import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.CorroborationRepository;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The identity provider's word on grants and revocations, in the database (one row per writ and step). */
@Stateless
public class JpaCorroborations implements CorroborationRepository {

    /** Writs asked about in one query (a period's receipts may be thousands). */
    private static final int IDS_PER_QUERY = 500;

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
    public java.util.Set<String> cited(Collection<String> eventIds) {
        var ids = List.copyOf(eventIds);
        var cited = new java.util.HashSet<String>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            cited.addAll(em.createQuery("select c.eventId from Corroboration c where c.eventId in :events",
                            String.class)
                    .setParameter("events", ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)))
                    .getResultList());
        }
        return cited;
    }

    @Override
    public List<Corroboration> ofAll(Collection<String> writIds) {
        var ids = List.copyOf(writIds);
        var found = new ArrayList<Corroboration>();
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            found.addAll(em.createQuery("select c from Corroboration c where c.writId in :writs", Corroboration.class)
                    .setParameter("writs", ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)))
                    .getResultList());
        }
        return found;
    }
}
