package io.writ.domain.nhi;

import java.util.List;

/**
 * How the NHI inventory stands as a whole, for the compliance evidence: how many NHIs there are, how many nobody is
 * accountable for, how many have a secret due for rotation, and the first of each by client id. An inventory of tens
 * of thousands is counted where it is kept, not listed in full in every report: the full list of a finding is a page
 * of the inventory filtered by it ({@code GET /api/v1/nhis?finding=...}).
 *
 * @param unaccountable       how many have no owner, or an owner who is disabled or gone
 * @param unaccountableListed the first of them (at most {@link #LISTED_AT_MOST})
 * @param secretsDue          how many have a secret older than policy, or of unknown age
 * @param secretsDueListed    the first of them (at most {@link #LISTED_AT_MOST})
 */
public record NhiStanding(long total, long unaccountable, List<Nhi> unaccountableListed, long secretsDue,
                          List<Nhi> secretsDueListed) {

    /** How many NHIs of each finding a report lists by name. */
    public static final int LISTED_AT_MOST = 100;

    public NhiStanding {
        unaccountableListed = List.copyOf(unaccountableListed);
        secretsDueListed = List.copyOf(secretsDueListed);
    }
}
