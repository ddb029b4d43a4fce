package io.writ.workflow.dashboard;

import java.time.Instant;
import java.util.Optional;

/**
 * What awaits an approver: how many writs, and the one that has waited longest.
 *
 * @param awaiting the number of writs this person may decide on now
 * @param oldest   the writ waiting longest for its next decision
 */
public record ApproverFigures(int awaiting, Optional<Oldest> oldest) {

    /** The writ that has waited longest, and since when. */
    public record Oldest(String writId, String entitlement, String requester, Instant since) {
    }
}
