package io.writ.domain.identity;

/**
 * The identity a change in the directory is for: the directory's own key for it when known (Keycloak's user id, kept
 * on a writ from its submission) and the username it had. By key, a person renamed since is still found, and an
 * account made later under a freed name is not taken for the one a writ was approved for. Without a key (a holder
 * listed by name, a writ from before keys were kept), by username.
 *
 * @param id       the directory's key for the identity; null to look it up by username
 * @param username its username (when the key is known, for messages only)
 */
public record DirectoryRef(String id, String username) {

    public static DirectoryRef named(String username) {
        return new DirectoryRef(null, username);
    }
}
