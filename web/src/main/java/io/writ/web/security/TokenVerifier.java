package io.writ.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import io.writ.domain.stepup.SignIn;
import io.writ.workflow.receipt.TokenCutoffs;
import jakarta.inject.Inject;

import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Verifies Keycloak access tokens for the API: signature against the realm's published keys (cached, refetched on
 * an unknown key id), issuer, expiry, and that the token was issued for the portal (audience {@code writ-portal}).
 * A token that passed is remembered until it expires ({@link VerifiedTokens}); a token changed in any character is
 * another token, verified afresh. A token issued before a revocation of its subject's access is refused
 * ({@link TokenCutoffs}).
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    OidcSettings oidc;

    @Inject
    TokenCutoffs cutoffs;

    private ConfigurableJWTProcessor<SecurityContext> processor;

    /** How long reading Keycloak's keys may take to connect, and to answer. */
    static final int JWKS_TIMEOUT_MILLIS = 5000;

    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @PostConstruct
    void init() {
        try {
            // Keycloak's keys, read with a few seconds' patience (the library's default, half a second, fails every
            // token while a busy Keycloak takes longer to answer)
            var keys = JWKSourceBuilder.create(URI.create(oidc.jwksUri()).toURL(), new DefaultResourceRetriever(
                    JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                    .retrying(true).build();
            processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                    OidcSettings.AUDIENCE,
                    new JWTClaimsSet.Builder().issuer(oidc.getProviderUri()).build(),
                    Set.of("sub", "exp", "iat", "preferred_username")));
        } catch (MalformedURLException e) {
            throw new IllegalStateException("Keycloak URL is not a URL: " + oidc.jwksUri(), e);
        }
    }

    public Caller verify(String token) throws InvalidToken {
        var caller = verified.recall(token).orElse(null);
        if (caller == null) {
            try {
                var claims = processor.process(token, null);
                caller = new Caller(claims.getStringClaim("preferred_username"), roles(claims),
                        claims.getIssueTime().toInstant(), signIn(claims));
                verified.remember(token, caller, claims.getExpirationTime().toInstant());
            } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
                throw new InvalidToken("Bearer token refused: " + e.getMessage(), e);
            }
        }
        // As Keycloak's introspection would: a token issued before a revocation of its subject's access is refused,
        // remembered or not.
        if (cutoffs.issuedBeforeRevocation(caller.name(), caller.issuedAt())) {
            throw new InvalidToken("Bearer token refused: issued at " + caller.issuedAt() + ", before a revocation "
                    + "of " + caller.name() + "'s access; get a new token", null);
        }
        return caller;
    }

    /**
     * The claims of an ID token Keycloak just issued to the portal (a step-up's): signature, issuer, expiry and
     * audience checked as for an access token.
     */
    public JWTClaimsSet idTokenClaims(String idToken) throws InvalidToken {
        try {
            return processor.process(idToken, null);
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
            throw new InvalidToken("ID token refused: " + e.getMessage(), e);
        }
    }

    /** How the token's subject had signed in: its acr and auth_time, each null when the token has none. */
    static SignIn signIn(JWTClaimsSet claims) throws ParseException {
        var authTime = claims.getDateClaim("auth_time");
        return new SignIn(claims.getStringClaim("acr"), authTime == null ? null : authTime.toInstant());
    }

    private static Set<String> roles(JWTClaimsSet claims) throws ParseException {
        List<String> groups = claims.getStringListClaim("groups");
        return groups == null ? Set.of() : Set.copyOf(groups); // kept with the remembered token: not to be changed
    }
}
