package io.writ.domain.review;

import java.time.Instant;
import java.util.List;

/**
 * How the review items of the campaigns started in a period stand against their campaign's deadline, counted where
 * they are kept: decided by it, or late (decided after it, or still undecided once it passed). Items still open
 * before their deadline count as neither. The late are named, the first of them.
 *
 * @param lateListed the first late items, oldest campaign first
 */
public record ReviewTimeliness(long onTime, long late, List<Late> lateListed) {

    /** How many late items the evidence names at most. */
    public static final int LISTED_AT_MOST = 100;

    public ReviewTimeliness {
        lateListed = List.copyOf(lateListed);
    }

    /** A late item and the deadline it missed. */
    public record Late(ReviewItem item, Instant deadline) {
    }
}
