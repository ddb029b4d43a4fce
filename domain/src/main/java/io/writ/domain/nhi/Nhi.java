package io.writ.domain.nhi;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A non-human identity as the inventory sees it: who owns it, how old its secret is, which privileged
 * entitlements it holds standing, and the findings that follow. Long-lived, unowned or standing privileged access
 * of a service account is a design defect; each finding says which one.
 *
 * @param secretMadeAt    when the current secret was made; empty when the provider does not say
 * @param secretAge       how old the current secret is; empty when the provider does not say
 * @param privilegedRoles the catalogue's entitlements the service account holds standing (directly, not through a writ)
 */
public record Nhi(String clientId, String identity, String owner, Optional<Instant> secretMadeAt,
                  Optional<Duration> secretAge,
                  Set<String> privilegedRoles, Optional<Instant> lastUsedAt, Set<NhiFinding> findings) {

    /** The findings of what the inventory keeps of an NHI, at that moment, under the rotation policy. */
    static Nhi assess(InventoriedNhi kept, Duration maxSecretAge, Instant now) {
        var findings = EnumSet.noneOf(NhiFinding.class);
        if (kept.owner() == null) {
            findings.add(NhiFinding.NO_OWNER);
        } else if (!kept.ownerEnabled()) {
            findings.add(NhiFinding.OWNER_DISABLED);
        }
        if (!kept.standingRoles().isEmpty()) {
            findings.add(NhiFinding.STANDING_PRIVILEGED_ROLE);
        }
        var age = Optional.ofNullable(kept.secretMadeAt()).map(made -> Duration.between(made, now));
        if (age.isEmpty()) {
            findings.add(NhiFinding.SECRET_AGE_UNKNOWN);
        } else if (age.get().compareTo(maxSecretAge) > 0) {
            findings.add(NhiFinding.SECRET_OLDER_THAN_POLICY);
        }
        return new Nhi(kept.clientId(), kept.identity(), kept.owner(), Optional.ofNullable(kept.secretMadeAt()), age, kept.standingRoles(),
                Optional.ofNullable(kept.lastUsedAt()), Set.copyOf(findings));
    }

    /**
     * The person accountable for it in practice: its owner, unless it has none or the owner is disabled or gone (then
     * nobody is, and whoever stands in for owners, the fallback reviewer, must act: reassign it, or take its access).
     */
    public Optional<String> accountableOwner() {
        return findings.contains(NhiFinding.NO_OWNER) || findings.contains(NhiFinding.OWNER_DISABLED)
                ? Optional.empty() : Optional.ofNullable(owner);
    }

    /** Whether its secret is due for rotation (see {@link NhiFinding#asksForRotation()}). */
    public boolean secretDueForRotation() {
        return findings.stream().anyMatch(NhiFinding::asksForRotation);
    }

    /** The findings in a stable order, for pages and answers. */
    public List<NhiFinding> sortedFindings() {
        return findings.stream().sorted().toList();
    }

    public Optional<Long> secretAgeDays() {
        return secretAge.map(Duration::toDays);
    }
}
