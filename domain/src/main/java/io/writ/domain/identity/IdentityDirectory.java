package io.writ.domain.identity;

import io.writ.domain.entitlement.Entitlement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider as the model sees it (Keycloak behind an adapter). Every call reads or changes the
 * provider live; a provider that cannot be reached gives {@link DirectoryUnavailable}. Changes are idempotent, so a
 * retried step does no harm.
 */
public interface IdentityDirectory {

    /** Proves the directory answers, for health checks. */
    void verifyReachable();

    /** The identity with that username (a person, or an NHI's service-account user), if the directory knows it. */
    Optional<DirectoryIdentity> identity(String username);

    /**
     * How to reach a person: their username and e-mail address as the directory has them now; empty when the
     * directory does not know the username.
     */
    Optional<Contact> contact(String username);

    /**
     * The enabled people in a group as the model names groups (see {@link DirectoryIdentity#groups()}): holders of
     * the realm role of that name, directly or through a group that carries it, and members of the group of that
     * name or path, including its subgroups. Each person once; empty for a name the directory does not know.
     */
    List<Contact> membersOf(String group);

    /** The realm roles the user holds directly. */
    Set<String> realmRolesOf(String username);

    /** The user's open sessions in the identity provider. */
    List<DirectorySession> sessionsOf(String username);

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

    /** Ends every session of the identity, so refresh tokens stop working; returns how many were open. */
    int logout(DirectoryRef identity);

    /**
     * Replaces a confidential client's secret (an NHI's credential): the old secret stops working at once. The new
     * secret is not returned: its owner reads it from the identity provider.
     */
    void regenerateSecret(String clientId);

    /** Every client that acts through a service account (the non-human identities), with owner and secret age. */
    List<DirectoryClient> nonHumanIdentities();

    /** The one client with that client id, if it acts through a service account (an NHI): found without the rest. */
    Optional<DirectoryClient> nonHumanIdentity(String clientId);

    /**
     * The successful logins recorded since that instant, oldest first, at most {@code max} of them (the provider must
     * record login events). Logins at that very instant come again; their ids tell them apart.
     */
    List<DirectoryLogin> loginsSince(Instant since, int max);
}
