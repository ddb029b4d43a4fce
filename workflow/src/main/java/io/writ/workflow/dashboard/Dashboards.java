package io.writ.workflow.dashboard;

import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.identity.AccessAssignments;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.domain.identity.NotInDirectory;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.WritRepository;
import io.writ.domain.writ.WritState;
import io.writ.workflow.writ.WritQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Reads the home page's figures, one query per role. Each figure is computed from what the writs say about
 * themselves (their grant times, their approvals); only the standing privilege needs Keycloak, and a Keycloak that
 * cannot be reached leaves that one figure out instead of failing the others.
 */
@ApplicationScoped
@Transactional
public class Dashboards {

    private static final Logger LOG = Logger.getLogger(Dashboards.class.getName());

    /** The period the oversight timings cover. */
    public static final Duration PERIOD = Duration.ofDays(30);

    @Inject
    WritRepository writs;

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AccessAssignments assignments;

    @Inject
    WritQueries writQueries;

    Clock clock = Clock.systemUTC();

    /** My active writs and my writs awaiting other people. */
    public RequesterFigures forRequester(String requester) {
        var mine = writs.mine(requester);
        var active = mine.stream()
                .filter(w -> w.state() == WritState.ACTIVE)
                .map(w -> new RequesterFigures.ActiveWrit(w.id(), w.entitlement(), w.target(),
                        w.grant().map(Grant::expiresAt).orElseThrow()))
                .sorted(Comparator.comparing(RequesterFigures.ActiveWrit::endsAt))
                .toList();
        var awaiting = mine.stream()
                .filter(w -> w.awaitingDecisionSince().isPresent())
                .map(w -> new RequesterFigures.AwaitingOthers(w.id(), w.entitlement(), w.awaitedGroups(),
                        w.approvalsSoFar(), w.policy().map(ApprovalPolicy::approvalsRequired).orElse(0),
                        w.awaitingDecisionSince().orElseThrow()))
                .sorted(Comparator.comparing(RequesterFigures.AwaitingOthers::since))
                .toList();
        return new RequesterFigures(active, awaiting);
    }

    /**
     * The writs this approver may decide on now, and the one waiting longest. Asks Keycloak for the approver's
     * groups: gives {@link DirectoryUnavailable} when it cannot be reached.
     */
    public ApproverFigures forApprover(String approver) {
        var awaiting = writQueries.awaiting(approver);
        var oldest = awaiting.stream()
                .min(Comparator.comparing(w -> w.awaitingDecisionSince().orElseThrow()))
                .map(w -> new ApproverFigures.Oldest(w.id(), w.entitlement(), w.requester(),
                        w.awaitingDecisionSince().orElseThrow()));
        return new ApproverFigures(awaiting.size(), oldest);
    }

    /** Active grants now; approval and revocation timings over the last {@link #PERIOD}; standing versus JIT. */
    public OversightFigures oversight() {
        var now = clock.instant();
        var from = now.minus(PERIOD);
        var active = writs.active();
        var timeToApprove = writs.decidedSince(from).stream()
                .map(Writ::timeToApprove).flatMap(Optional::stream).toList();
        var revocationLag = writs.revokedSince(from).stream()
                .map(w -> w.grant().flatMap(Grant::revocationLag)).flatMap(Optional::stream).toList();
        List<OversightFigures.Holding> privilege;
        Optional<String> unavailable = Optional.empty();
        try {
            privilege = privilege(active);
        } catch (DirectoryUnavailable away) {
            LOG.warning(() -> "Standing privilege left out of the dashboard: " + away.getMessage());
            privilege = List.of();
            unavailable = Optional.of("Keycloak cannot be reached right now, so standing privilege cannot be counted");
        }
        return new OversightFigures(from, now, active.size(), new OversightFigures.Timing(timeToApprove),
                new OversightFigures.Timing(revocationLag), privilege, unavailable);
    }

    /**
     * Per entitlement in the catalogue: who holds it in Keycloak directly, split into those holding it through an
     * active writ (just in time) and the rest (standing).
     */
    private List<OversightFigures.Holding> privilege(List<Writ> active) {
        var holdings = new ArrayList<OversightFigures.Holding>();
        for (var entitlement : catalogue.all()) {
            var throughWrits = new TreeSet<String>();
            active.stream().filter(w -> w.entitlement().equals(entitlement.name()))
                    .forEach(w -> throughWrits.add(w.target()));
            try {
                var standing = new TreeSet<>(assignments.holdersOf(entitlement));
                standing.removeAll(throughWrits);
                holdings.add(new OversightFigures.Holding(entitlement.name(), entitlement.riskTier(),
                        List.copyOf(standing), List.copyOf(throughWrits), true));
            } catch (NotInDirectory notInKeycloak) {
                // A catalogue entry whose role or group Keycloak lacks: a finding to show, not a broken page.
                holdings.add(new OversightFigures.Holding(entitlement.name(), entitlement.riskTier(), List.of(),
                        List.copyOf(throughWrits), false));
            }
        }
        return holdings;
    }
}
