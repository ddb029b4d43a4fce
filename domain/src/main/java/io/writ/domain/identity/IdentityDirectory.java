package io.writ.domain.identity;

import java.util.List;
import java.util.Optional;

/**
 * The identity provider as the model sees it (Keycloak behind an adapter): who an identity is, and how to reach
 * people. Every call reads the provider live; a provider that cannot be reached gives {@link DirectoryUnavailable}.
 * Who holds which entitlement is {@link AccessAssignments}; the NHIs' clients are {@link NhiClients}; logins and
 * sessions are {@link LoginRecords}.
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
}
