package io.writ.domain.nhi;

import java.util.List;

/**
 * NHIs that have just lost the person accountable for them (the owner disabled, removed, or unnamed): they are to be
 * reassigned, or their access taken, by whoever stands in for owners.
 */
public record NhisWithoutOwner(List<String> clientIds, String because) {

    public NhisWithoutOwner {
        clientIds = List.copyOf(clientIds);
    }
}
