package io.writ.domain.identity;

import java.time.Instant;

/**
 * Something the identity provider recorded that may change what the NHI inventory keeps: a client made, changed,
 * removed or given a new secret; a user's realm roles changed (a service account's, perhaps); a user changed or
 * removed (an owner, perhaps).
 *
 * @param resourceId the client's id in the provider (for {@link What#CLIENT}) or the user's id (otherwise)
 */
public record NhiChange(String eventId, Instant at, What what, String resourceId) {

    public enum What {
        CLIENT, USER_ROLES, USER
    }
}
