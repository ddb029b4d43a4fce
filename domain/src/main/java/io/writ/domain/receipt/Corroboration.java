package io.writ.domain.receipt;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.identity.EntitlementChange;
import io.writ.domain.identity.EntitlementChange.Operation;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity provider's word on one step of a writ's receipt (its grant, or its revocation): the provider's own
 * record of the change (its id, time and acting account) when one agrees with what Writ measured; otherwise why not.
 * A step is judged once the provider's records of its time have been read; until then it is pending (no
 * corroboration yet).
 */
@Entity
@Table(name = "receipt_corroboration")
public class Corroboration {

    /** How far the provider's clock and the portal's may differ (both keep UTC; on one host they are the same). */
    public static final Duration SKEW = Duration.ofSeconds(2);
    /** How far around a step the provider's records are searched for one that disagrees with it. */
    public static final Duration SEARCH = Duration.ofSeconds(60);

    /** The step of the receipt. */
    public enum Step { GRANT, REVOCATION }

    /** What the provider's records say of it. */
    public enum Verdict {
        /** Its record of the change falls within the times Writ measured. */
        CORROBORATED,
        /** It recorded no such change. */
        MISSING,
        /** It recorded the change, at a time outside the times Writ measured. */
        DISAGREES
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "writ_id", nullable = false, length = 36)
    private String writId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Step step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Verdict verdict;

    @Column(name = "event_id", length = 64)
    private String eventId;

    @Column(name = "event_at")
    private Instant eventAt;

    @Column(name = "acting_account", length = 300)
    private String actingAccount;

    @Column(nullable = false, length = 1000)
    private String detail;

    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected Corroboration() {
        // for JPA
    }

    private Corroboration(Writ writ, Step step, Verdict verdict, EntitlementChange change, String detail,
                          Instant checkedAt) {
        this.id = UUID.randomUUID().toString();
        this.writId = writ.id();
        this.step = step;
        this.verdict = verdict;
        if (change != null) {
            this.eventId = change.eventId();
            this.eventAt = change.at();
            this.actingAccount = change.actor() == null ? null : clip(change.actor(), 300);
        }
        this.detail = clip(detail, 1000);
        this.checkedAt = checkedAt;
    }

    /**
     * Judges a measured step of the writ against the provider's records read up to {@code readUpTo}: the grant by
     * the entitlement's addition between the final approval and the read-back that saw it present, the revocation by
     * its removal between the moment it was due and the read-back that saw it absent (each give or take {@link #SKEW}).
     * A record already cited for another step ({@code cited}, by event id) is not this one's: one person's writs for
     * one entitlement follow each other closely. Empty while the step is not measured, or its time not yet read past:
     * the records of its own times first; and only once a minute beyond them is read is the record called missing,
     * or one near it taken as disagreeing.
     */
    public static Optional<Corroboration> judge(Writ writ, Entitlement entitlement, Step step,
                                                List<EntitlementChange> changes, Instant readUpTo, Set<String> cited) {
        var grant = writ.grant().orElse(null);
        if (grant == null || !(step == Step.GRANT ? grant.grantMeasured() : grant.revocationMeasured())) {
            return Optional.empty();
        }
        var from = step == Step.GRANT ? approvedAt(writ) : grant.windowEnd();
        var to = step == Step.GRANT ? grant.confirmedPresentAt() : grant.confirmedAbsentAt().orElseThrow();
        var done = step == Step.GRANT ? "addition" : "removal";
        // Nothing removed by the revocation's last attempt: an earlier attempt may have removed it (and failed before
        // recording it), which Keycloak's record shows; or someone else did, and Keycloak recorded no such removal.
        var nothingRemoved = step == Step.REVOCATION && grant.revokedAt().isEmpty();
        if (readUpTo.isBefore(to.plus(SKEW))) {
            return Optional.empty();
        }
        var operation = step == Step.GRANT ? Operation.ADDED : Operation.REMOVED;
        var middle = from.plus(Duration.between(from, to).dividedBy(2));
        var ofIt = changes.stream()
                .filter(c -> c.operation() == operation && c.isOf(writ.targetRef().id(), entitlement)
                        && !cited.contains(c.eventId()))
                .sorted(Comparator.comparing(c -> Duration.between(middle, c.at()).abs()))
                .toList();
        var within = ofIt.stream()
                .filter(c -> !c.at().isBefore(from.minus(SKEW)) && !c.at().isAfter(to.plus(SKEW))).findFirst();
        if (within.isPresent()) {
            return Optional.of(new Corroboration(writ, step, Verdict.CORROBORATED, within.get(), "Keycloak recorded "
                    + "the " + done + " at " + within.get().at() + ", within the measured " + from + " .. " + to,
                    readUpTo));
        }
        if (readUpTo.isBefore(to.plus(SEARCH))) {
            return Optional.empty();
        }
        var near = ofIt.stream()
                .filter(c -> !c.at().isBefore(from.minus(SEARCH)) && !c.at().isAfter(to.plus(SEARCH))).findFirst();
        return Optional.of(near.isPresent()
                ? new Corroboration(writ, step, Verdict.DISAGREES, near.get(), "Keycloak recorded the " + done + " at "
                        + near.get().at() + ", outside the measured " + from + " .. " + to, readUpTo)
                : new Corroboration(writ, step, Verdict.MISSING, null, "Keycloak recorded no " + done + " of "
                        + writ.entitlement() + " for " + writ.target() + " around " + from + " .. " + to
                        + (nothingRemoved ? "; it was already absent when Writ came to remove it" : ""), readUpTo));
    }

    /**
     * The writ an addition of its entitlement went behind: of the identity's writs for it ({@code theirs}, oldest
     * first), the latest granted before the addition, when no writ's own grant explains the addition
     * ({@link #isGrantOf}). Empty when one does, or when the identity never held it through a writ: standing privilege
     * of someone who never had a writ for it is the access reviews' business.
     */
    public static Optional<Writ> putBackBehind(List<Writ> theirs, Entitlement entitlement, EntitlementChange change,
                                               Collection<Corroboration> cited) {
        if (change.operation() != Operation.ADDED
                || theirs.stream().anyMatch(w -> isGrantOf(w, entitlement, change, cited))) {
            return Optional.empty();
        }
        return theirs.stream().filter(w -> w.grant().filter(g -> g.grantedAt().isBefore(change.at())).isPresent())
                .reduce((earlier, later) -> later);
    }

    /**
     * Whether the change is the writ's own grant: the entitlement added to its target while its grant was under way
     * (approved, not yet recorded) or between its final approval and the read-back that saw it present, and not after
     * its end was asked for. {@code cited}: the events Keycloak's records already corroborated grants with; an event
     * cited for another writ's grant is not this one's, and one cited for this writ's is.
     */
    public static boolean isGrantOf(Writ writ, Entitlement entitlement, EntitlementChange change,
                                    Collection<Corroboration> cited) {
        if (change.operation() != Operation.ADDED || !change.isOf(writ.targetRef().id(), entitlement)) {
            return false;
        }
        var citedFor = cited.stream().filter(c -> c.step == Step.GRANT && change.eventId().equals(c.eventId))
                .map(Corroboration::writId).findFirst();
        if (citedFor.isPresent()) {
            return citedFor.get().equals(writ.id());
        }
        if (writ.state() == WritState.APPROVED) {
            return !change.at().isBefore(approvedAt(writ).minus(SKEW));
        }
        var grant = writ.grant().orElse(null);
        return grant != null && !change.at().isBefore(approvedAt(writ).minus(SKEW))
                && !change.at().isAfter(grant.confirmedPresentAt().plus(SKEW))
                && grant.endRequestedAt().filter(change.at()::isAfter).isEmpty();
    }

    /**
     * Whether the writ's receipt is complete: its revocation read back absent with every step measured (a removal
     * that answered, the identity's not-before read back), and Keycloak's records corroborating both its grant and
     * the removal.
     */
    public static boolean completeReceipt(Writ writ, Collection<Corroboration> witnesses) {
        var grant = writ.grant().orElse(null);
        if (grant == null || grant.confirmedAbsentAt().isEmpty() || !grant.revocationMeasured()
                || grant.revokedAt().isEmpty() || grant.tokensRejectedFrom().isEmpty()) {
            return false;
        }
        return witnesses.stream().filter(c -> c.writId.equals(writ.id()) && c.verdict == Verdict.CORROBORATED)
                .map(Corroboration::step).distinct().count() == Step.values().length;
    }

    private static Instant approvedAt(Writ writ) {
        return writ.decidedAt().orElse(writ.submittedAt());
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max - 3) + "..." : text;
    }

    public String id() { return id; }
    public String writId() { return writId; }
    public Step step() { return step; }
    public Verdict verdict() { return verdict; }
    public Optional<String> eventId() { return Optional.ofNullable(eventId); }
    public Optional<Instant> eventAt() { return Optional.ofNullable(eventAt); }
    public Optional<String> actingAccount() { return Optional.ofNullable(actingAccount); }
    public String detail() { return detail; }
    public Instant checkedAt() { return checkedAt; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Corroboration c && Objects.equals(id, c.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
