package io.writ.workflow.persistence;

import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionEvent;
import io.writ.domain.session.SessionLink;
import io.writ.domain.session.SessionRecording;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.session.SessionSource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Privileged sessions and event receipts in the database. */
@Stateless
public class JpaSessionRepository implements SessionRepository {

    @PersistenceContext(unitName = "writ")
    EntityManager em;

    @Override
    public Optional<PrivilegedSession> bySource(SessionSource source, String sourceSessionId) {
        return em.createQuery("select s from PrivilegedSession s where s.source = :source "
                        + "and s.sourceSessionId = :id", PrivilegedSession.class)
                .setParameter("source", source)
                .setParameter("id", sourceSessionId)
                .getResultStream().findFirst();
    }

    @Override
    public void save(PrivilegedSession session) {
        if (!em.contains(session)) {
            em.persist(session);
        }
    }

    @Override
    public void save(SessionEvent event) {
        em.persist(event);
    }

    @Override
    public void save(SessionRecording recording) {
        em.persist(recording);
    }

    @Override
    public Optional<SessionRecording> recordingOf(String sessionId) {
        return Optional.ofNullable(em.find(SessionRecording.class, sessionId));
    }

    @Override
    public Set<String> recorded(Collection<String> eventIds) {
        return Set.copyOf(InSlices.read(eventIds, ids -> em.createQuery(
                        "select e.eventId from SessionEvent e where e.eventId in :ids", String.class)
                .setParameter("ids", ids)
                .getResultList()));
    }

    @Override
    public List<PrivilegedSession> linkedTo(String writId) {
        return em.createQuery("select s from PrivilegedSession s where s.writId = :writ order by s.startedAt",
                        PrivilegedSession.class)
                .setParameter("writ", writId)
                .getResultList();
    }

    @Override
    public List<PrivilegedSession> unlinked(int max) {
        return em.createQuery("select s from PrivilegedSession s where s.link = :link order by s.startedAt desc",
                        PrivilegedSession.class)
                .setParameter("link", SessionLink.UNLINKED)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<PrivilegedSession> unlinkedOf(String identity, Instant from, Instant to) {
        return em.createQuery("select s from PrivilegedSession s where s.link = :link and s.identity = :identity "
                        + "and s.startedAt >= :from and s.startedAt <= :to", PrivilegedSession.class)
                .setParameter("link", SessionLink.UNLINKED)
                .setParameter("identity", identity)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    @Override
    public Optional<Instant> lastActivityOf(String identity) {
        return Optional.ofNullable(em.createQuery("select max(s.lastEventAt) from PrivilegedSession s "
                        + "where s.identity = :identity", Instant.class)
                .setParameter("identity", identity)
                .getSingleResult());
    }

    @Override
    public Map<String, Instant> lastActivitySince(Instant since) {
        var latest = new HashMap<String, Instant>();
        em.createQuery("select s.identity, max(s.lastEventAt) from PrivilegedSession s where s.lastEventAt > :since "
                        + "group by s.identity", Object[].class)
                .setParameter("since", since)
                .getResultStream().forEach(row -> latest.put((String) row[0], (Instant) row[1]));
        return latest;
    }

    @Override
    public Map<String, Long> sessionCountsSince(Instant since) {
        var counts = new HashMap<String, Long>();
        em.createQuery("select s.identity, count(s) from PrivilegedSession s where s.lastEventAt >= :since "
                        + "group by s.identity", Object[].class)
                .setParameter("since", since)
                .getResultStream().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public List<PrivilegedSession> ofIdentitySince(String identity, Instant since) {
        return em.createQuery("select s from PrivilegedSession s where s.identity = :identity "
                        + "and s.lastEventAt >= :since order by s.lastEventAt desc", PrivilegedSession.class)
                .setParameter("identity", identity)
                .setParameter("since", since)
                .getResultList();
    }

    @Override
    public List<SessionEvent> eventsOf(String sessionId) {
        return em.createQuery("select e from SessionEvent e where e.sessionId = :session order by e.at, e.eventId",
                        SessionEvent.class)
                .setParameter("session", sessionId)
                .getResultList();
    }

    @Override
    public List<PrivilegedSession> startedBetween(java.time.Instant from, java.time.Instant to) {
        return em.createQuery("select s from PrivilegedSession s where s.startedAt >= :from and s.startedAt < :to "
                        + "order by s.startedAt", PrivilegedSession.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
