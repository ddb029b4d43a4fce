package io.writ.domain.compliance;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a portal control relates to a framework control, in the words of OSCAL's control mapping model (so an export
 * can carry them unchanged).
 */
public enum Relationship {
    EQUIVALENT_TO("equivalent-to"),
    SUBSET_OF("subset-of"),
    SUPERSET_OF("superset-of"),
    INTERSECTS_WITH("intersects-with");

    private final String term;

    Relationship(String term) {
        this.term = term;
    }

    /** The OSCAL term, e.g. {@code intersects-with}. */
    public String term() { return term; }

    public static Optional<Relationship> ofTerm(String term) {
        return Arrays.stream(values()).filter(r -> r.term.equals(term) || r.name().equals(term)).findFirst();
    }
}
