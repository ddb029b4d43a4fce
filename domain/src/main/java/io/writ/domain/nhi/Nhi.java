package io.writ.domain.nhi;

import io.writ.domain.identity.DirectoryClient;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A non-human identity as the inventory sees it: who owns it, how old its secret is, which privileged
 * entitlements it holds standing, and the findings that follow. Long-lived, unowned or standing privileged access
 * of a service account is a design defect; each finding says which one.
 *
 * @param secretAge       how old the current secret is; empty when the provider does not say
 * @param privilegedRoles the catalogue's entitlements the service account holds directly (not through a writ)
 */
public record Nhi(String clientId, String identity, String owner, Optional<Duration> secretAge,
                  Set<String> privilegedRoles, Optional<Instant> lastUsedAt, Set<NhiFinding> findings) {

    /**
     * @param privileged  the names of the catalogue's realm-role entitlements
     * @param heldByWrit  entitlements the identity holds right now through an active writ (not standing)
     * @param maxSecretAge the rotation policy: a secret older than this is a finding
     */
    public static Nhi assess(DirectoryClient client, Set<String> privileged, Set<String> heldByWrit,
                             Duration maxSecretAge, Optional<Instant> lastUsedAt, Instant now) {
        var findings = EnumSet.noneOf(NhiFinding.class);
        if (client.owner() == null) {
            findings.add(NhiFinding.NO_OWNER);
        } else if (!client.ownerEnabled()) {
            findings.add(NhiFinding.OWNER_DISABLED);
        }
        var standing = new TreeSet<String>();
        client.realmRoles().stream().filter(privileged::contains).filter(r -> !heldByWrit.contains(r))
                .forEach(standing::add);
        if (!standing.isEmpty()) {
            findings.add(NhiFinding.STANDING_PRIVILEGED_ROLE);
        }
        var age = client.secretMadeAt().map(made -> Duration.between(made, now));
        if (age.isEmpty()) {
            findings.add(NhiFinding.SECRET_AGE_UNKNOWN);
        } else if (age.get().compareTo(maxSecretAge) > 0) {
            findings.add(NhiFinding.SECRET_OLDER_THAN_POLICY);
        }
        return new Nhi(client.clientId(), client.serviceAccount(), client.owner(), age,
                Set.copyOf(standing), lastUsedAt, Set.copyOf(findings));
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
