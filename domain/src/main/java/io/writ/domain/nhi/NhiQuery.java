package io.writ.domain.nhi;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.Paging;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

/**
 * Which NHIs of the inventory to show, in which order, which page. Every filter is optional; they all apply.
 *
 * @param owner               the owner's username, exactly
 * @param finding             NHIs with this finding
 * @param standingRole        NHIs holding this privileged role standing
 * @param secretOlderThanDays NHIs whose secret is older than this many days, or of unknown age
 * @param unusedForDays       NHIs not used for this many days, or never
 */
public record NhiQuery(Optional<String> owner, Optional<NhiFinding> finding, Optional<String> standingRole,
                       Optional<Integer> secretOlderThanDays, Optional<Integer> unusedForDays, Sort sort,
                       boolean descending, int page, int size) {

    /** The largest page a look may ask for. */
    public static final int MAX_SIZE = Paging.MAX_SIZE;
    public static final int DEFAULT_SIZE = Paging.DEFAULT_SIZE;

    /** What a page may be ordered by. */
    public enum Sort {
        CLIENT_ID, OWNER, SECRET_AGE, LAST_USED;

        static Sort named(String name) {
            return valueOf(name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_')
                    .toUpperCase(Locale.ROOT));
        }
    }

    /** Every NHI, by client id, the first page of the default size. */
    public static NhiQuery everything() {
        return new NhiQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Sort.CLIENT_ID, false, 0, DEFAULT_SIZE);
    }

    /**
     * The query as a page or an API call gives it, in words; nulls and blanks are no filter. Bad values are refused
     * together, each with its field.
     */
    public static NhiQuery of(String owner, String finding, String standingRole, Integer secretOlderThanDays,
                              Integer unusedForDays, String sort, Integer page, Integer size) {
        var errors = new ArrayList<FieldError>();
        Optional<NhiFinding> findingWanted = Optional.empty();
        if (present(finding)) {
            try {
                findingWanted = Optional.of(NhiFinding.valueOf(finding.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("finding", "not a finding: '" + finding + "' (one of "
                        + java.util.Arrays.toString(NhiFinding.values()) + ")"));
            }
        }
        var order = Sort.CLIENT_ID;
        var descending = false;
        if (present(sort)) {
            var name = sort.strip();
            descending = name.startsWith("-");
            try {
                order = Sort.named(descending ? name.substring(1) : name);
            } catch (IllegalArgumentException unknown) {
                errors.add(new FieldError("sort", "not an order: '" + sort + "' (clientId, owner, secretAge or "
                        + "lastUsed, with a leading '-' for descending)"));
            }
        }
        if (secretOlderThanDays != null && secretOlderThanDays < 0) {
            errors.add(new FieldError("secretOlderThanDays", "must be 0 or more"));
        }
        if (unusedForDays != null && unusedForDays < 0) {
            errors.add(new FieldError("unusedForDays", "must be 0 or more"));
        }
        errors.addAll(Paging.problems(page, size));
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new NhiQuery(text(owner), findingWanted, text(standingRole), Optional.ofNullable(secretOlderThanDays),
                Optional.ofNullable(unusedForDays), order, descending, page == null ? 0 : page,
                size == null ? DEFAULT_SIZE : size);
    }

    /** The same filters and order, another page. */
    public NhiQuery page(int number, int pageSize) {
        return new NhiQuery(owner, finding, standingRole, secretOlderThanDays, unusedForDays, sort, descending, number,
                pageSize);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<String> text(String value) {
        return present(value) ? Optional.of(value.strip()) : Optional.empty();
    }
}
