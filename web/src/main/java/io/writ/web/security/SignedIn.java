package io.writ.web.security;

import io.writ.domain.stepup.SignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.logging.Logger;

/**
 * How the person behind this request had signed in, for step-up and for the record: an API call's bearer token's
 * {@code acr} and {@code auth_time}; on the pages, the latest step-up of the session, else the sign-in's ID token.
 * Unknown (never guessed) when none says.
 */
@RequestScoped
public class SignedIn {

    private static final Logger LOG = Logger.getLogger(SignedIn.class.getName());
    private static final String BEARER = "Bearer ";

    @Inject
    HttpServletRequest request;

    @Inject
    TokenVerifier verifier;

    @Inject
    StepUpJourney journey;

    @Inject
    OpenIdContext openId;

    public SignIn current() {
        var header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                return verifier.verify(header.substring(BEARER.length()).trim()).signIn();
            } catch (InvalidToken e) {
                return SignIn.UNKNOWN; // cannot happen after authentication passed; unknown is the safe answer
            }
        }
        return journey.strongSignIn().orElseGet(this::pageSignIn);
    }

    private SignIn pageSignIn() {
        try {
            var claims = openId.getIdentityToken().getJwtClaims();
            return new SignIn(claims.getStringClaim("acr").orElse(null),
                    claims.getNumericDateClaim("auth_time").orElse(null));
        } catch (RuntimeException e) {
            LOG.fine(() -> "no sign-in facts in this session: " + e);
            return SignIn.UNKNOWN;
        }
    }
}
