package io.writ.domain.writ;

import io.writ.domain.WritException;

/** No writ has this id. */
public class NoSuchWrit extends WritException {

    public NoSuchWrit(String id) {
        super("no writ " + id);
    }
}
