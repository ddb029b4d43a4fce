package io.writ.web.security;

import io.writ.domain.stepup.SignIn;

import java.time.Instant;
import java.util.Set;

/**
 * A caller proved by a verified bearer token: the name and roles the container is told about, when the token was
 * issued (a token issued before its subject's access was revoked is refused), and how its subject had signed in
 * (its {@code acr} and {@code auth_time}, what step-up reads).
 */
public record Caller(String name, Set<String> roles, Instant issuedAt, SignIn signIn) {

    public Caller(String name, Set<String> roles, Instant issuedAt) {
        this(name, roles, issuedAt, SignIn.UNKNOWN);
    }
}
