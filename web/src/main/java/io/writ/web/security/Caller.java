package io.writ.web.security;

import java.time.Instant;
import java.util.Set;

/**
 * A caller proved by a verified bearer token: the name and roles the container is told about, and when the token was
 * issued (a token issued before its subject's access was revoked is refused).
 */
public record Caller(String name, Set<String> roles, Instant issuedAt) {
}
