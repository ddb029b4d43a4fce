package io.writ.domain.compliance;

import io.writ.domain.InvalidRequest;

import java.time.Instant;
import java.util.Objects;

/** The period evidence is read for: from (inclusive) to (exclusive). */
public record EvidencePeriod(Instant from, Instant to) {

    public EvidencePeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw InvalidRequest.of("to", "must be after from (" + from + ")");
        }
    }

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
