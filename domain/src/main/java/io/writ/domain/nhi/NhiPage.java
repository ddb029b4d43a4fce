package io.writ.domain.nhi;

import java.util.List;

/** A page of the NHI inventory: its NHIs, and how many the query selects in all. */
public record NhiPage(List<Nhi> nhis, long total, int page, int size) {

    public NhiPage {
        nhis = List.copyOf(nhis);
    }
}
