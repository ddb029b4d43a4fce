package io.writ.domain.audit;

/**
 * Where the chain stops being trustworthy, and why.
 *
 * @param seq         the sequence number of the broken record (for a missing record: the number it had)
 * @param recordId    the stored record's id; null when the record is missing
 * @param flaw        what is wrong
 * @param explanation the same in a sentence, for the person verifying
 */
public record ChainBreak(long seq, Long recordId, Flaw flaw, String explanation) {

    /** What is wrong with the broken record. */
    public enum Flaw {
        /** Its content no longer matches its hash, or it was rewritten with a recomputed hash. */
        CHANGED,
        /** It was deleted: its sequence number is not in the trail. */
        MISSING,
        /** It sits somewhere else than where it was written. */
        REORDERED,
        /** It disagrees with a signed checkpoint, or the checkpoint's signature is not the portal's. */
        CHECKPOINT_MISMATCH
    }
}
