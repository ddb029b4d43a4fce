package io.writ.domain.audit;

import java.util.Optional;

/**
 * What verifying the chain found.
 *
 * @param valid              every record, link and checkpoint checked out
 * @param records            how many records were found intact, from the first on (all of them when valid)
 * @param checkpointsChecked how many signed checkpoints were checked against the records
 * @param firstBroken        the first broken record, when the chain is not intact
 * @param lastCheckpoint     the latest checkpoint that checked out
 */
public record Verdict(boolean valid, long records, int checkpointsChecked, Optional<ChainBreak> firstBroken,
                      Optional<Checkpoint> lastCheckpoint) {

    /** One line for the audit trail and the log. */
    public String summary() {
        var checkpoint = lastCheckpoint.map(c -> "; last checkpoint at record " + c.seq() + " of " + c.at())
                .orElse("; no checkpoint yet");
        return firstBroken.map(b -> "BROKEN at record " + b.seq() + " (" + b.flaw() + "): " + b.explanation()
                        + "; " + records + " records intact before it" + checkpoint)
                .orElse("intact: " + records + " records, " + checkpointsChecked + " signed checkpoints" + checkpoint);
    }
}
