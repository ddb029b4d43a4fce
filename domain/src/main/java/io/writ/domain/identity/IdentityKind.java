package io.writ.domain.identity;

/**
 * What an identity is, as the directory knows it: never read from its name (a person may be called anything,
 * {@code service-account-x} included).
 */
public enum IdentityKind {
    /** A person who signs in. */
    PERSON,
    /** The service account of a client: a non-human identity (a pipeline, a workload, an agent). */
    NON_HUMAN
}
