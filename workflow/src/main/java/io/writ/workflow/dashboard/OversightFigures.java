package io.writ.workflow.dashboard;

import io.writ.domain.entitlement.RiskTier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How just-in-time privilege is working, for security and compliance.
 *
 * @param from            the start of the period the timings cover (the end is {@code at})
 * @param at              when the figures were read
 * @param activeGrants    the writs whose window runs now
 * @param timeToApprove   from submission to the approval that completed a writ, for writs approved by people in
 *                        the period (writs approved at once by their policy are left out: nobody was asked)
 * @param revocationLag   from the window's end (or the earlier moment an end was asked for) until the
 *                        entitlement was read back as absent in Keycloak, for revocations in the period
 * @param privilege       per privileged entitlement of the catalogue, who holds it standing and who through a
 *                        writ; empty when Keycloak could not be asked
 * @param privilegeUnavailable why {@code privilege} is empty, when it is
 */
public record OversightFigures(Instant from, Instant at, int activeGrants, Timing timeToApprove,
                               Timing revocationLag, List<Holding> privilege, Optional<String> privilegeUnavailable) {

    /** A set of durations and their mean. */
    public record Timing(List<Duration> samples) {

        public Timing {
            samples = List.copyOf(samples);
        }

        public Optional<Duration> mean() {
            return samples.isEmpty() ? Optional.empty() : Optional.of(samples.stream()
                    .reduce(Duration.ZERO, Duration::plus).dividedBy(samples.size()));
        }

        public int count() {
            return samples.size();
        }
    }

    /**
     * One entitlement: identities holding it standing (assigned directly in Keycloak, not through an active writ)
     * and identities holding it just in time (through an active writ).
     *
     * @param inKeycloak false when Keycloak has no such role or group: the catalogue names something that is not
     *                   there, and nobody can be counted as holding it standing
     */
    public record Holding(String entitlement, RiskTier riskTier, List<String> standing, List<String> justInTime,
                          boolean inKeycloak) {
    }
}
