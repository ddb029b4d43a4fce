package io.writ.domain.identity;

import java.time.Instant;

/** A session the identity provider holds open for an identity (what a logout ends). */
public record DirectorySession(String id, String username, String ipAddress, Instant started, Instant lastAccess) {
}
