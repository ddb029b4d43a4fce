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

    @Inject
    HttpServletRequest request;

    @Inject
    StepUpJourney journey;

    @Inject
    OpenIdContext openId;

    public SignIn current() {
        // an API call: the caller BearerTokenAuthentication verified for this request
        if (request.getAttribute(Caller.class.getName()) instanceof Caller caller) {
            return caller.signIn();
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
