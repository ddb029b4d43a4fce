package io.writ.domain.writ;

import io.writ.domain.NotFound;

/** No writ has this id. */
public class NoSuchWrit extends NotFound {

    public NoSuchWrit(String id) {
        super("no writ " + id);
    }
}
