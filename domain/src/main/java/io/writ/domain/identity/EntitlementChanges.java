package io.writ.domain.identity;

import java.time.Instant;
import java.util.List;

/**
 * What the identity provider recorded itself of entitlements given and taken away (role mappings and group
 * memberships changed through its admin API), read back as a witness independent of Writ's own records. A provider
 * that cannot be reached gives {@link DirectoryUnavailable}.
 */
public interface EntitlementChanges {

    /**
     * The changes the provider recorded from {@code from} up to {@code to} (both included), oldest first, skipping
     * the first {@code first}, at most {@code max} of them.
     */
    List<EntitlementChange> between(Instant from, Instant to, int first, int max);
}
