package io.writ.domain.identity;

import io.writ.domain.entitlement.Entitlement;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds which entitlement in the identity provider, changed and read live, and ending an identity's sessions
 * there (what a revocation does after taking the entitlement away). Changes are idempotent, so a retried step does
 * no harm. A provider that cannot be reached gives {@link DirectoryUnavailable}; an identity, role, client or group
 * it does not know gives {@link NotInDirectory}.
 */
public interface AccessAssignments {

    /**
     * A grant as the directory answered it, each time taken when it happened: when the directory answered the add,
     * and when the read-back that followed answered, and whether it showed the entitlement held.
     */
    record Added(Instant addedAt, boolean held, Instant readBackAt) {
    }

    /**
     * A removal as the directory answered it: when it answered the removal (empty when the identity did not hold the
     * entitlement, so nothing was removed), and when the read-back answered, and whether it showed it absent.
     */
    record Removed(Optional<Instant> removedAt, boolean absent, Instant readBackAt) {
    }

    /**
     * An identity logged out everywhere: how many sessions were open, when the directory answered, and the
     * identity's not-before as read back from the directory after it: every token issued before that instant is
     * refused by its introspection and refresh (empty if the directory keeps none for the identity).
     */
    record LoggedOut(int sessions, Instant at, Optional<Instant> tokensRejectedFrom) {
    }

    /**
     * Gives the identity the entitlement (realm role, client role or group membership; nothing more if it holds it)
     * and reads it back.
     */
    Added grant(DirectoryRef identity, Entitlement entitlement);

    /** Takes the entitlement away (nothing if the identity does not hold it) and reads it back. */
    Removed revoke(DirectoryRef identity, Entitlement entitlement);

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

    /**
     * Ends every session of the identity and sets its not-before to now, so introspection and refresh refuse every
     * token it was issued before; reads the not-before back.
     */
    LoggedOut logout(DirectoryRef identity);

    /**
     * The longest an access token of the directory lives (the realm's lifespan, or a client's longer one): a service
     * that validates tokens offline, without asking the directory, accepts one that long after it was issued.
     */
    Duration longestAccessToken();
}
