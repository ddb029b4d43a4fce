package io.writ.web.security;

import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person a page session signed in as and their portal roles, kept in the session when the sign-in comes back
 * ({@link LoginCallback}) and named to the container on each of the session's requests
 * ({@link BearerTokenAuthentication}), as a bearer token's caller is.
 * <p>
 * Why: left to itself, Payara 6 restores a signed-in session's caller from a security context that threads share,
 * and when requests of several sessions arrive at once a request can lose the caller's groups: a person who holds
 * the role is answered 403 (seen in ConcurrentActionsIT, three approvers clicking at once: one click answered 403,
 * and the page said nothing; Payara's FISH-7515, fixed in Payara 7).
 */
record SessionCaller(String name, Set<String> roles) implements Serializable {

    private static final String ATTRIBUTE = SessionCaller.class.getName();

    SessionCaller {
        roles = Set.copyOf(roles);
    }

    /** Keeps the caller the container has just signed in (the sign-in's callback) in the session. */
    static void keep(HttpServletRequest request) {
        var principal = request.getUserPrincipal();
        if (principal == null) {
            return;
        }
        var roles = PortalRole.ALL.stream().filter(request::isUserInRole).collect(Collectors.toSet());
        request.getSession().setAttribute(ATTRIBUTE, new SessionCaller(principal.getName(), roles));
    }

    /** The caller this request's session signed in as, when the container still holds that session's sign-in. */
    static Optional<SessionCaller> of(HttpServletRequest request) {
        var session = request.getSession(false);
        var principal = request.getUserPrincipal();
        if (session == null || principal == null
                || !(session.getAttribute(ATTRIBUTE) instanceof SessionCaller caller)) {
            return Optional.empty();
        }
        return caller.name().equals(principal.getName()) ? Optional.of(caller) : Optional.empty();
    }
}
