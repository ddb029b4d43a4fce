package io.writ.workflow.persistence;

import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeOutbox;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The outbox in the database: notices are written with the change they are about, in its transaction. */
@Stateless
public class JpaNoticeOutbox implements NoticeOutbox {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public void record(Notice notice) {
        em.persist(notice);
    }

    @Override
    public Optional<Notice> byId(String id) {
        return Optional.ofNullable(em.find(Notice.class, id));
    }

    @Override
    public Set<String> heldAmong(Collection<String> onceKeys) {
        return Set.copyOf(InSlices.read(onceKeys, keys -> em.createQuery(
                        "select n.onceKey from Notice n where n.onceKey in :keys", String.class)
                .setParameter("keys", keys)
                .getResultList()));
    }

    @Override
    public List<Notice> due(Instant now, int max) {
        return em.createQuery("select n from Notice n where n.deliveredAt is null and n.nextAttemptAt <= :now "
                        + "order by n.nextAttemptAt, n.createdAt", Notice.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<Notice> about(String writId) {
        return em.createQuery("select n from Notice n where n.writId = :writ order by n.createdAt", Notice.class)
                .setParameter("writ", writId)
                .getResultList();
    }

    @Override
    public Backlog backlog() {
        var counted = em.createQuery("select count(n), min(n.createdAt) from Notice n where n.deliveredAt is null",
                Object[].class).getSingleResult();
        var lastProblem = em.createQuery("select n.lastProblem from Notice n where n.deliveredAt is null "
                        + "and n.lastProblem is not null order by n.nextAttemptAt desc", String.class)
                .setMaxResults(1)
                .getResultStream().findFirst();
        return new Backlog((Long) counted[0], Optional.ofNullable((Instant) counted[1]), lastProblem);
    }
}
