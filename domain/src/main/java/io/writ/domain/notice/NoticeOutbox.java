package io.writ.domain.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where notices wait until they are delivered (a repository port; the adapter keeps them in the database, in the
 * transaction of the change they are about). Delivered notices stay, as the record of who was told what.
 */
public interface NoticeOutbox {

    /** Keeps a new notice. A notice with a once-key already kept is refused by the database. */
    void record(Notice notice);

    Optional<Notice> byId(String id);

    /**
     * Which of these once-keys were recorded already: one read for many, as a scan over every writ ending soon asks
     * for hundreds at once.
     */
    Set<String> heldAmong(Collection<String> onceKeys);

    /** Undelivered notices whose next attempt is due, oldest due first, at most {@code max}. */
    List<Notice> due(Instant now, int max);

    /** Every notice about one writ, oldest first. */
    List<Notice> about(String writId);

    /** How many notices are not delivered yet, and since when the oldest waits. */
    Backlog backlog();

    /** What is still to be delivered: how many, the oldest one's time, and the latest problem met. */
    record Backlog(long undelivered, Optional<Instant> oldestSince, Optional<String> lastProblem) {
    }
}
