package io.writ.workflow.persistence;

import io.writ.domain.notice.InAppMessage;
import io.writ.domain.notice.MessageBox;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** In-app messages in the database. */
@Stateless
public class JpaMessageBox implements MessageBox {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void deliver(InAppMessage message) {
        var already = em.createQuery("select count(m) from InAppMessage m where m.noticeId = :notice "
                        + "and m.recipient = :recipient", Long.class)
                .setParameter("notice", message.noticeId())
                .setParameter("recipient", message.recipient())
                .getSingleResult();
        if (already == 0) {
            em.persist(message);
        }
    }

    @Override
    public List<InAppMessage> of(String recipient, int max) {
        return em.createQuery("select m from InAppMessage m where m.recipient = :recipient "
                        + "order by m.createdAt desc, m.id", InAppMessage.class)
                .setParameter("recipient", recipient)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<InAppMessage> unreadOf(String recipient) {
        return em.createQuery("select m from InAppMessage m where m.recipient = :recipient and m.readAt is null "
                        + "order by m.createdAt", InAppMessage.class)
                .setParameter("recipient", recipient)
                .getResultList();
    }

    @Override
    public long unread(String recipient) {
        return em.createQuery("select count(m) from InAppMessage m where m.recipient = :recipient "
                        + "and m.readAt is null", Long.class)
                .setParameter("recipient", recipient)
                .getSingleResult();
    }

    @Override
    public Optional<InAppMessage> byId(String id) {
        return Optional.ofNullable(em.find(InAppMessage.class, id));
    }
}
