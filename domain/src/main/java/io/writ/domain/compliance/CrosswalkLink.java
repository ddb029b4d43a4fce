package io.writ.domain.compliance;

/**
 * One line of the CSF 1.1 to 2.0 crosswalk, as NIST's OSCAL catalog gives it: a withdrawn 1.1 id and where its
 * outcome went ({@code moved_to} or {@code incorporated_into}).
 */
public record CrosswalkLink(String csf11Id, String relation, String csf20Id) {
}
