package io.writ.workflow.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * A requester's writs in motion: those whose window runs now, and those waiting for other people's decisions.
 *
 * @param active         my active writs, the soonest to end first
 * @param awaitingOthers my writs awaiting a decision, the longest waiting first
 */
public record RequesterFigures(List<ActiveWrit> active, List<AwaitingOthers> awaitingOthers) {

    /** An active writ and when its window ends. */
    public record ActiveWrit(String writId, String entitlement, String target, Instant endsAt) {
    }

    /**
     * A writ awaiting a decision: from whom (the groups whose members may decide), how far it got, and since when
     * it has waited (its submission, or the latest approval).
     */
    public record AwaitingOthers(String writId, String entitlement, List<String> groups, int approvalsSoFar,
                                 int approvalsRequired, Instant since) {
    }
}
