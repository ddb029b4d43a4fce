package io.writ.domain.writ;

import java.time.Instant;
import java.util.Objects;

/**
 * A revocation as measured in the identity provider, each time taken when it happened: when the removal answered
 * (null when the identity no longer held the entitlement, so nothing was removed), when the read-back showed it
 * absent, when the identity's sessions were logged out and how many, the identity's not-before as read back (every
 * token issued before it is refused by introspection and refresh; null when the directory keeps none), and the token
 * residue: the latest moment a token issued before the removal can still be accepted by a service that validates
 * tokens offline (the removal plus the longest access-token lifespan).
 */
public record Revocation(Instant removedAt, Instant confirmedAbsentAt, Instant sessionsLoggedOutAt,
                         int sessionsLoggedOut, Instant tokensRejectedFrom, Instant tokenResidueUntil) {

    public Revocation {
        Objects.requireNonNull(confirmedAbsentAt, "confirmedAbsentAt");
        Objects.requireNonNull(sessionsLoggedOutAt, "sessionsLoggedOutAt");
    }
}
