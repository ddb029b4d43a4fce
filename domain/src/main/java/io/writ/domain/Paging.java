package io.writ.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a long list a look asks for: from page 0, {@link #DEFAULT_SIZE} a page unless it says, never more
 * than {@link #MAX_SIZE} (an NHI inventory or a reviewer's items can run to tens of thousands).
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 100;

    /** The first page of the default size. */
    public static final Paging FIRST = new Paging(0, DEFAULT_SIZE);

    /** The page asked for (nulls: the first, of the default size); bad values are refused with field errors. */
    public static Paging of(Integer page, Integer size) {
        var problems = problems(page, size);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** What is wrong with a page asked for, for a query that gathers the errors of all its fields at once. */
    public static List<FieldError> problems(Integer page, Integer size) {
        var problems = new ArrayList<FieldError>();
        if (page != null && page < 0) {
            problems.add(new FieldError("page", "must be 0 or more"));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            problems.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        return problems;
    }

    /** How many come before this page. */
    public int offset() {
        return page * size;
    }
}
