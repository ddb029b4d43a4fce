package io.writ.domain.stepup;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * How the person acting had signed in, as their token says: the authentication context class ({@code acr}, in the
 * demo realm {@code password} or {@code mfa}) and when they last authenticated ({@code auth_time}). Either may be
 * unknown (a token without the claim, an action taken by the system): then it is kept as unknown, never guessed.
 *
 * @param acr the token's {@code acr}; null when it had none
 * @param at  the token's {@code auth_time}; null when it had none
 */
public record SignIn(String acr, Instant at) implements Serializable {

    /** Nothing is known of the sign-in (a system action, a test's approver). */
    public static final SignIn UNKNOWN = new SignIn(null, null);

    public Optional<String> acrIfKnown() {
        return Optional.ofNullable(acr);
    }

    public Optional<Instant> atIfKnown() {
        return Optional.ofNullable(at);
    }

    /** "acr mfa, signed in at 2026-12-07T10:15:00Z", what of it is missing, or "not recorded". */
    public String describe() {
        if (acr == null && at == null) {
            return "not recorded";
        }
        return (acr == null ? "no acr" : "acr " + acr) + ", " + (at == null ? "sign-in time unknown" : "signed in at " + at);
    }
}
