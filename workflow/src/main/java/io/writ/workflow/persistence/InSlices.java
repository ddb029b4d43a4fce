package io.writ.workflow.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A query over many keys ({@code ... in :keys}) asked a slice of keys at a time: a database bounds a statement's
 * parameters, and a period, an ingestion batch or a scan of writs ending soon can bring thousands.
 */
final class InSlices {

    /** Keys asked about in one statement. */
    static final int KEYS_PER_STATEMENT = 500;

    private InSlices() {
    }

    /** Every row the query answers for the keys, asked slice by slice, in the slices' order. */
    static <K, R> List<R> read(Collection<K> keys, Function<List<K>, List<R>> query) {
        var all = List.copyOf(keys);
        var found = new ArrayList<R>();
        for (int from = 0; from < all.size(); from += KEYS_PER_STATEMENT) {
            found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + KEYS_PER_STATEMENT))));
        }
        return found;
    }
}
