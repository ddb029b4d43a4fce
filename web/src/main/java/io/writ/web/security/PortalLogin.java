package io.writ.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * Pages sign in through Keycloak's login (OpenID Connect, authorization code flow). The realm-roles mapper puts
 * realm roles in the {@code groups} claim, which become the caller's roles. The definition must sit on a CDI bean
 * (docs/architecture.md, "Constraints of the stack"); API calls with a bearer token are handled first by {@link BearerTokenAuthentication}.
 * <p>
 * The values below are the dev defaults. Payara does not evaluate expressions in this annotation, so
 * {@link PortalLoginConfiguration} replaces provider, client id and secret with the configured ones at deployment.
 */
@ApplicationScoped
@DeclareRoles({PortalRole.REQUESTER, PortalRole.APPROVER, PortalRole.SECURITY, PortalRole.COMPLIANCE,
        PortalRole.ADMIN, PortalRole.SESSION_INGEST, PortalRole.BASTION_AGENT})
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "http://localhost:8180/realms/writ",
        clientId = "writ-portal",
        clientSecret = "writ-portal-secret",
        redirectURI = "${baseURL}/callback",
        // Soteria 3 replays the original request with a null parameter map, which Faces trips over: land on
        // the callback instead, and let LoginCallback send the user on.
        redirectToOriginalResource = false,
        scope = {"openid", "profile", "email"},
        // Keycloak's keys read with a few seconds' patience: the default half second fails sign-ins while a busy
        // Keycloak takes longer to answer (seen: "Couldn't retrieve remote JWK set: Read timed out", then 401s)
        jwksConnectTimeout = 5000,
        jwksReadTimeout = 5000,
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
public class PortalLogin {
}
