package io.writ.workflow.nhi;

import io.writ.domain.NotFound;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.identity.DirectoryClient;
import io.writ.domain.identity.NhiClients;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.nhi.NhiFinding;
import io.writ.domain.nhi.NhiInventory;
import io.writ.domain.nhi.NhiPage;
import io.writ.domain.nhi.NhiQuery;
import io.writ.domain.nhi.NhiStanding;
import io.writ.workflow.nhi.inventory.InventoryKeeper;
import io.writ.workflow.nhi.rotation.RotationProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The NHI inventory as Writ keeps it (see {@link io.writ.workflow.nhi.inventory.InventoryKeeper}), assessed against
 * the rotation policy, and the rotation of
 * an NHI's secret: started as a process (on demand, on the schedule, after break-glass or containment), or done at
 * once by a process that is already running in the background (containment).
 */
@ApplicationScoped
@Transactional
public class NhiDesk {

    @Inject
    NhiClients nhiClients;

    @Inject
    AuditTrail audit;

    @Inject
    RotationProcess process;

    @Inject
    NhiInventory inventory;

    @Inject
    InventoryKeeper keeper;

    @Inject
    @ConfigProperty(name = "writ.nhi.secret-max-age-days", defaultValue = "90")
    int secretMaxAgeDays;

    @Inject
    @ConfigProperty(name = "writ.nhi.rotations-per-round", defaultValue = "100")
    int rotationsPerRound;

    Clock clock = Clock.systemUTC();

    /** A page of the inventory as Writ keeps it (Keycloak is not asked): filtered, ordered, assessed now. */
    public NhiPage page(NhiQuery query) {
        return inventory.page(query, maxSecretAge(), clock.instant());
    }

    /** Every NHI kept, assessed now (a review campaign, the review cadence). */
    public List<Nhi> all() {
        var now = clock.instant();
        return inventory.all().values().stream().map(n -> n.assess(maxSecretAge(), now)).toList();
    }

    /**
     * How the inventory stands as a whole (the compliance evidence): counted by the database, with the first NHIs
     * nobody is accountable for and the first whose secret is due, by client id.
     */
    public NhiStanding standing() {
        var total = page(NhiQuery.everything().page(0, 1)).total();
        var noOwner = withFinding(NhiFinding.NO_OWNER);
        var ownerGone = withFinding(NhiFinding.OWNER_DISABLED);
        var old = withFinding(NhiFinding.SECRET_OLDER_THAN_POLICY);
        var ageUnknown = withFinding(NhiFinding.SECRET_AGE_UNKNOWN);
        return new NhiStanding(total, noOwner.total() + ownerGone.total(), first(noOwner, ownerGone),
                old.total() + ageUnknown.total(), first(old, ageUnknown));
    }

    private NhiPage withFinding(NhiFinding finding) {
        return page(NhiQuery.of(null, finding.name(), null, null, null, null, 0, NhiStanding.LISTED_AT_MOST));
    }

    private static List<Nhi> first(NhiPage one, NhiPage other) {
        return java.util.stream.Stream.concat(one.nhis().stream(), other.nhis().stream())
                .limit(NhiStanding.LISTED_AT_MOST).toList();
    }

    /** One NHI as the inventory keeps it. */
    public Nhi one(String clientId) {
        return inventory.find(clientId).map(n -> n.assess(maxSecretAge(), clock.instant()))
                .orElseThrow(() -> new NotFound("no non-human identity with client id " + clientId));
    }

    /** One NHI as Keycloak says it is right now, for a decision that acts on it (a review's revocation). */
    public Nhi current(String clientId) {
        return keeper.current(clientId).map(n -> n.assess(maxSecretAge(), clock.instant()))
                .orElseThrow(() -> new NotFound("no non-human identity with client id " + clientId));
    }

    /** Starts the rotation process for an NHI; its steps regenerate the secret and tell the owner. */
    public void requestRotation(String clientId, RotationReason reason, String by) {
        if (nhiClients.nonHumanIdentity(clientId).isEmpty()) {
            throw new NotFound("no non-human identity with client id " + clientId);
        }
        audit.record(new AuditEntry(clock.instant(), by, "nhi.rotation-requested", subject(clientId),
                reason.name()));
        process.start(clientId, reason, by);
    }

    /**
     * Starts a rotation for NHIs whose secret is older than policy (or of unknown age) and that have none running: at
     * most {@code writ.nhi.rotations-per-round} each round, the longest overdue first, so that a realm of thousands
     * is rotated over several rounds instead of stalling the portal in one.
     */
    public int rotateWhatPolicyRequires() {
        var due = new ArrayList<Nhi>();
        for (int page = 0; due.size() < rotationsPerRound; page++) {
            var found = page(NhiQuery.of(null, null, null, secretMaxAgeDays, null, "-secretAge", page,
                    NhiQuery.MAX_SIZE));
            found.nhis().stream().filter(Nhi::secretDueForRotation).filter(n -> !process.isRunningFor(n.clientId()))
                    .limit(rotationsPerRound - due.size()).forEach(due::add);
            if ((long) (page + 1) * NhiQuery.MAX_SIZE >= found.total()) {
                break;
            }
        }
        due.forEach(n -> requestRotation(n.clientId(), RotationReason.POLICY, AuditEntry.SYSTEM));
        return due.size();
    }

    /**
     * The rotation itself: Keycloak issues a new secret and the old one stops working at once; the evidence (when,
     * why, the new secret's creation time as Keycloak reads it back) goes to the audit trail. Idempotent enough for
     * a retry: a second run issues yet another secret, which is still a rotation.
     */
    public String rotateNow(String clientId, RotationReason reason, String by) {
        nhiClients.regenerateSecret(clientId);
        var madeAt = nhiClients.nonHumanIdentity(clientId).flatMap(DirectoryClient::secretMadeAt);
        var evidence = "secret regenerated (" + reason + ")" + madeAt.map(at -> "; Keycloak reads it as made at " + at)
                .orElse("");
        audit.record(new AuditEntry(clock.instant(), by, "nhi.secret-rotated", subject(clientId), evidence));
        return "client secret of " + clientId + " regenerated";
    }

    /** Tells the owner their NHI's secret changed (recorded; delivery follows the notification settings). */
    public void ownerTold(String clientId, RotationReason reason) {
        var owner = nhiClients.nonHumanIdentity(clientId).map(DirectoryClient::owner).orElse(null);
        audit.record(new AuditEntry(clock.instant(), AuditEntry.SYSTEM, "nhi.owner-told", subject(clientId),
                owner == null ? "no owner to tell: the NHI has none" : owner + " told of the rotation (" + reason
                        + "); the new secret is read from Keycloak"));
    }

    private Duration maxSecretAge() {
        return Duration.ofDays(secretMaxAgeDays);
    }

    private static String subject(String clientId) {
        return "nhi:" + clientId;
    }
}
