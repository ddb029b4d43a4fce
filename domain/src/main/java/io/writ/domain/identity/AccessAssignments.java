package io.writ.domain.identity;

import io.writ.domain.entitlement.Entitlement;

import java.util.Set;

/**
 * Who holds which entitlement in the identity provider, changed and read live, and ending an identity's sessions
 * there (what a revocation does after taking the entitlement away). Changes are idempotent, so a retried step does
 * no harm. A provider that cannot be reached gives {@link DirectoryUnavailable}; an identity, role, client or group
 * it does not know gives {@link NotInDirectory}.
 */
public interface AccessAssignments {

    /**
     * Gives the identity the entitlement (realm role, client role or group membership; nothing more if it holds it)
     * and reads it back: whether the directory now shows it held.
     */
    boolean grant(DirectoryRef identity, Entitlement entitlement);

    /**
     * Takes the entitlement away (nothing if the identity does not hold it) and reads it back: whether the directory
     * now shows it absent.
     */
    boolean revoke(DirectoryRef identity, Entitlement entitlement);

    /** Whether the identity holds the entitlement directly, read from the directory now (the read-back). */
    boolean holds(String username, Entitlement entitlement);

    /**
     * The identities (people and NHIs' service-account users) that hold the entitlement directly: the realm or
     * client role mapped to them, or a member of the group itself. Through a composite role or a parent group does
     * not count; that is not how a writ grants.
     */
    Set<String> holdersOf(Entitlement entitlement);

    /** The realm roles the user holds directly: every realm-role entitlement of theirs in one read. */
    Set<String> realmRolesOf(String username);

    /** Ends every session of the identity, so refresh tokens stop working; returns how many were open. */
    int logout(DirectoryRef identity);
}
