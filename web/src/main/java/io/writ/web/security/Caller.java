package io.writ.web.security;

import java.util.Set;

/** A caller proved by a verified bearer token: the name and roles the container is told about. */
public record Caller(String name, Set<String> roles) {
}
