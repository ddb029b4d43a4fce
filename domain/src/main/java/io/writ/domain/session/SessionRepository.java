package io.writ.domain.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The privileged sessions and their event receipts (a port; the adapter keeps them in the database). */
public interface SessionRepository {

    Optional<PrivilegedSession> bySource(SessionSource source, String sourceSessionId);

    void save(PrivilegedSession session);

    void save(SessionEvent event);

    void save(SessionRecording recording);

    Optional<SessionRecording> recordingOf(String sessionId);

    /** Which of these event ids were recorded before. */
    Set<String> recorded(Collection<String> eventIds);

    /** The sessions linked to a writ, oldest first. */
    List<PrivilegedSession> linkedTo(String writId);

    /** The latest sessions no writ covered, newest first. */
    List<PrivilegedSession> unlinked(int max);

    /** The identity's UNLINKED sessions that began in [from, to]. */
    List<PrivilegedSession> unlinkedOf(String identity, Instant from, Instant to);

    /** When the identity was last seen acting in a privileged session. */
    Optional<Instant> lastActivityOf(String identity);

    /** Each identity with session activity after that moment, with its latest (one read for any number). */
    Map<String, Instant> lastActivitySince(Instant since);

    /** Each identity with sessions active at or after that moment, with how many (one read for any number). */
    Map<String, Long> sessionCountsSince(Instant since);

    /** The sessions started in [from, to), oldest first. */
    List<PrivilegedSession> startedBetween(java.time.Instant from, java.time.Instant to);

    /** The identity's privileged sessions active at or after that instant, newest first (review evidence). */
    List<PrivilegedSession> ofIdentitySince(String identity, Instant since);

    /** A session's event receipts in the order they happened. */
    List<SessionEvent> eventsOf(String sessionId);
}
