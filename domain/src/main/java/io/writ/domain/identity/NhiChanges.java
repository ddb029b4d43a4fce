package io.writ.domain.identity;

import java.time.Instant;
import java.util.List;

/** The identity provider's record of changes that concern NHIs, in the order they happened. */
public interface NhiChanges {

    /** The changes recorded from {@code from} up to {@code to}, oldest first, from the first-th, at most max. */
    List<NhiChange> between(Instant from, Instant to, int first, int max);
}
