package io.writ.workflow.receipt;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.EntitlementChange;
import io.writ.domain.identity.EntitlementChange.Operation;
import io.writ.domain.identity.EntitlementChanges;
import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.Corroboration.Step;
import io.writ.domain.receipt.CorroborationRepository;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.containment.AlertDesk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Keycloak as a witness of Writ's own record. A look reads Keycloak's records of entitlements added and removed
 * (its admin events) since the last look, and (1) judges each grant and revocation measured since, not yet judged,
 * by them ({@link Corroboration#judge}); (2) raises an alert for an entitlement of a writ given to its identity again
 * by no writ, during or after the writ: standing privilege appearing behind Writ's back, contained like any alert
 * of the writ's tier. Records are read only once they are {@link #SETTLE} old, so a grant that Keycloak recorded and
 * Writ has not yet committed is not taken for one behind its back.
 */
@ApplicationScoped
@Transactional
public class KeycloakWitness {

    private static final Logger LOG = Logger.getLogger(KeycloakWitness.class.getName());

    /** How old Keycloak's records must be to be read: a grant's own transaction has committed by then. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    /** How far back grants and revocations still unjudged are looked for (after a restart, or Keycloak away). */
    static final Duration LOOK_BACK = Duration.ofHours(1);
    /** Records read per call. */
    static final int PER_READ = 500;

    @Inject
    EntitlementChanges changes;

    @Inject
    WritRepository writs;

    @Inject
    CorroborationRepository corroborations;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AlertRepository alerts;

    @Inject
    AlertDesk alertDesk;

    Clock clock = Clock.systemUTC();

    /** One look; returns up to when Keycloak's records were read, where the next look goes on. */
    public Instant look(Instant seenUntil) {
        var now = clock.instant();
        var readUpTo = now.minus(SETTLE);
        var unjudged = unjudged(now.minus(LOOK_BACK));
        // Back to the earliest unjudged step's own times; a minute further only for a step about to be called
        // missing or disagreeing (read past a minute beyond it): reading that minute again at every look was most of
        // what the witness cost under load.
        var from = seenUntil;
        for (var step : unjudged.entrySet()) {
            for (var writ : step.getValue()) {
                var start = startOf(step.getKey(), writ);
                var margin = readUpTo.isAfter(endOf(step.getKey(), writ).plus(Corroboration.SEARCH))
                        ? Corroboration.SEARCH : Corroboration.SKEW;
                if (start.minus(margin).isBefore(from)) {
                    from = start.minus(margin);
                }
            }
        }
        if (!readUpTo.isAfter(from)) {
            return seenUntil;
        }
        var read = readAll(from, readUpTo);
        var cited = new HashSet<>(corroborations.cited(read.stream().map(EntitlementChange::eventId).toList()));
        int judged = 0;
        for (var step : unjudged.entrySet()) {
            for (var writ : step.getValue()) {
                var entitlement = catalogue.named(writ.entitlement());
                if (entitlement.isEmpty()) {
                    continue;
                }
                var verdict = Corroboration.judge(writ, entitlement.get(), step.getKey(), read, readUpTo, cited);
                if (verdict.isPresent() && corroborations.saveOnce(verdict.get())) {
                    verdict.get().eventId().ifPresent(cited::add);
                    judged++;
                }
            }
        }
        var newlySeen = read.stream().filter(c -> c.at().isAfter(seenUntil)).toList();
        newlySeen.stream().filter(c -> c.operation() == Operation.ADDED).forEach(this::judgeAddition);
        int judgedSteps = judged;
        LOG.fine(() -> "Keycloak's records read to " + readUpTo + ": " + read.size() + " change(s), " + judgedSteps
                + " step(s) judged");
        return readUpTo;
    }

    /** The measured grants and revocations since then that Keycloak's records have not judged yet. */
    private Map<Step, List<Writ>> unjudged(Instant since) {
        var awaiting = writs.awaitingCorroboration(since, PER_READ);
        var judged = new HashSet<String>();
        corroborations.ofAll(awaiting.stream().map(Writ::id).toList())
                .forEach(c -> judged.add(c.writId() + "/" + c.step()));
        var unjudged = new LinkedHashMap<Step, List<Writ>>();
        unjudged.put(Step.GRANT, awaiting.stream().filter(w -> w.grant().orElseThrow().grantMeasured()
                && !judged.contains(w.id() + "/" + Step.GRANT)).toList());
        unjudged.put(Step.REVOCATION, awaiting.stream().filter(w -> w.grant().orElseThrow().revocationMeasured()
                && w.grant().orElseThrow().confirmedAbsentAt().isPresent()
                && !judged.contains(w.id() + "/" + Step.REVOCATION)).toList());
        return unjudged;
    }

    private static Instant startOf(Step step, Writ writ) {
        return step == Step.GRANT ? writ.decidedAt().orElse(writ.submittedAt()) : writ.grant().orElseThrow().windowEnd();
    }

    private static Instant endOf(Step step, Writ writ) {
        var grant = writ.grant().orElseThrow();
        return step == Step.GRANT ? grant.confirmedPresentAt() : grant.confirmedAbsentAt().orElseThrow();
    }

    private List<EntitlementChange> readAll(Instant from, Instant to) {
        var all = new ArrayList<EntitlementChange>();
        List<EntitlementChange> page;
        do {
            page = changes.between(from, to, all.size(), PER_READ);
            all.addAll(page);
        } while (page.size() == PER_READ);
        return all;
    }

    /**
     * An entitlement added that no writ's grant explains, to an identity that held it through a writ before (or holds
     * it through one now): put back behind Writ's back. Additions to identities that never had a writ for it are the
     * access reviews' business (standing privilege found by a review, or its use seen at login).
     */
    private void judgeAddition(EntitlementChange change) {
        for (var name : change.names()) {
            var entitlement = catalogue.named(name.startsWith("/") ? name.substring(1) : name)
                    .filter(e -> e.kind() == change.kind());
            if (entitlement.isEmpty()) {
                continue;
            }
            var theirs = writs.grantsAround(change.userId(), entitlement.get().name(), change.at(), Corroboration.SKEW);
            if (theirs.isEmpty()) {
                continue;
            }
            var behind = Corroboration.putBackBehind(theirs, entitlement.get(), change,
                    corroborations.ofAll(theirs.stream().map(Writ::id).toList()));
            if (behind.isEmpty() || alerts.raisedOn(change.eventId())) {
                continue;
            }
            var writ = behind.get();
            var during = writ.state() == io.writ.domain.writ.WritState.ACTIVE;
            alertDesk.raise(Alert.fromDirectory(AlertRule.STANDING_PRIVILEGE_APPEARED, writ.target(), writ.id(),
                    writ.riskTier(), change.eventId(), entitlement.get().name() + " was given to " + writ.target()
                            + " again in Keycloak at " + change.at() + " by " + change.actor() + ", by no writ, "
                            + (during ? "during" : "after") + " writ " + writ.id() + " (Keycloak admin event "
                            + change.eventId() + ")", clock.instant()));
        }
    }
}
