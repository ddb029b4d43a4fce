package io.writ.workflow.sessions;

import io.writ.domain.InvalidRequest;
import io.writ.domain.alert.Alert;
import io.writ.domain.alert.Detection;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.identity.IdentityDirectory;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.ReportedEvent;
import io.writ.domain.session.SessionEvent;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.session.SessionSource;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.containment.AlertDesk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Reported session events become evidence: each is linked to the writ that covered its identity at that instant,
 * checked against that writ's scope and the detection rules, counted into its session, and kept as far as the
 * session's coverage says. A batch is one transaction; a bad event is reported by its index and skipped.
 */
@ApplicationScoped
@Transactional
public class SessionEvidence {

    /** The most events one request may carry; larger batches are split by the sender. */
    public static final int MAX_EVENTS = 10_000;
    /** How many of an identity's latest grants are looked at to link an event (newest first). */
    private static final int GRANTS_LOOKED_AT = 20;

    /** An event that was not recorded: its position in the request and why. */
    public record Rejection(int index, String reason) {
    }

    /** What became of a request's events. */
    public record Ingested(int accepted, int duplicates, List<Rejection> rejected) {
    }

    @Inject
    SessionRepository sessions;

    @Inject
    WritRepository writs;

    @Inject
    AlertDesk alerts;

    @Inject
    IdentityDirectory directory;

    Clock clock = Clock.systemUTC();

    /**
     * @param events the readable events of a request by their index in it (unreadable ones the caller reports)
     */
    public Ingested ingest(SortedMap<Integer, ReportedEvent> events, SessionSource source) {
        if (events.size() > MAX_EVENTS) {
            throw InvalidRequest.of("events", "at most " + MAX_EVENTS + " events per request; send several");
        }
        var rejected = new ArrayList<Rejection>();
        var valid = new ArrayList<Map.Entry<Integer, ReportedEvent>>();
        events.forEach((index, event) -> {
            var problems = event.problems();
            if (problems.isEmpty()) {
                valid.add(Map.entry(index, event));
            } else {
                rejected.add(new Rejection(index, String.join("; ", problems)));
            }
        });
        var known = sessions.recorded(valid.stream().map(e -> e.getValue().eventId()).toList());
        var seen = new HashSet<String>();
        var grants = new HashMap<String, List<Writ>>();
        var open = new HashMap<String, PrivilegedSession>();
        var nonHuman = new HashMap<String, Boolean>();
        int accepted = 0;
        int duplicates = 0;
        for (var entry : valid) {
            var e = entry.getValue();
            if (known.contains(e.eventId()) || !seen.add(e.eventId())) {
                duplicates++;
                continue;
            }
            var granted = grants.computeIfAbsent(e.identity(), who -> writs.grantedTo(who, GRANTS_LOOKED_AT));
            var covering = granted.stream().filter(w -> w.isActiveAt(e.at())).findFirst();
            var session = open.computeIfAbsent(e.sessionId(), id -> sessions.bySource(source, id)
                    .orElseGet(() -> opened(source, e, covering)));
            if (!session.admits(e)) {
                rejected.add(new Rejection(entry.getKey(), "session " + e.sessionId() + " is " + session.identity()
                        + "'s; an event of " + e.identity() + " cannot join it"));
                seen.remove(e.eventId());
                continue;
            }
            var endedEarlier = covering.isPresent() ? Optional.<Writ>empty()
                    : granted.stream().filter(w -> w.grantEndedBy(e.at())).findFirst();
            var verdict = Detection.judge(e, session, covering, endedEarlier,
                    () -> nonHuman.computeIfAbsent(e.identity(), this::isNonHuman));
            var keep = session.record(e, verdict.inScope());
            sessions.save(SessionEvent.of(e, session, covering.isPresent() ? verdict.inScope() : null, keep));
            accepted++;
            for (var finding : verdict.findings()) {
                alerts.raise(Alert.raise(finding.rule(), e.identity(), finding.writ().map(Writ::id)
                                .orElse(null), finding.writ().map(Writ::riskTier).orElse((RiskTier) null),
                        session.id(), e.eventId(), finding.evidence(), clock.instant()));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejection::index));
        return new Ingested(accepted, duplicates, rejected);
    }

    /** What the identity is, the directory's word: one it does not know is no NHI it could vouch for. */
    private boolean isNonHuman(String identity) {
        return directory.identity(identity).filter(DirectoryIdentity::isNonHuman).isPresent();
    }

    private PrivilegedSession opened(SessionSource source, ReportedEvent first, Optional<Writ> covering) {
        var session = PrivilegedSession.open(source, first.sessionId(), first.identity(), covering, first.at());
        sessions.save(session);
        return session;
    }

    /** The sessions linked to a writ, oldest first. */
    public List<PrivilegedSession> linkedTo(String writId) {
        return sessions.linkedTo(writId);
    }

    /** The latest sessions no writ covered. */
    public List<PrivilegedSession> unlinked(int max) {
        return sessions.unlinked(max);
    }

    public List<SessionEvent> eventsOf(String sessionId) {
        return sessions.eventsOf(sessionId);
    }
}
