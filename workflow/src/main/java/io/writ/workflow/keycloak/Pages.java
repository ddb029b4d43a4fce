package io.writ.workflow.keycloak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Keycloak answers lists in pages (100 by default): ask page by page rather than trust one answer is all. */
final class Pages {

    /** Items asked for at once. */
    static final int SIZE = 100;

    /** One of Keycloak's list calls, from the first item asked for, at most {@code max} items. */
    @FunctionalInterface
    interface Reader<T> {
        Collection<? extends T> read(int first, int max);
    }

    private Pages() {
    }

    /** Every item of the list, in Keycloak's order: page after page, until a page is not full. */
    static <T> List<T> all(Reader<T> list) {
        var all = new ArrayList<T>();
        Collection<? extends T> page;
        do {
            page = list.read(all.size(), SIZE);
            all.addAll(page);
        } while (page.size() == SIZE);
        return all;
    }
}
