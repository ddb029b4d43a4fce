package io.writ.domain.stepup;

import java.time.Duration;
import java.time.Instant;

/**
 * An entitlement's demand for a recent strong sign-in: whoever asks for it or decides on it must have signed in with
 * a second factor (the realm's level-2 {@code acr}, {@value #STRONG_ACR}) at most {@code maxAgeMinutes} ago.
 * Checked by the writ itself, whichever way the request or decision arrives (page or API).
 */
public record StepUp(int maxAgeMinutes) {

    /** The demo realm's name for a sign-in with a second factor (its {@code acr.loa.map}: password 1, mfa 2). */
    public static final String STRONG_ACR = "mfa";

    public StepUp {
        if (maxAgeMinutes < 1) {
            throw new IllegalArgumentException("a step-up's sign-in may be at most 1 minute old or more");
        }
    }

    public Duration maxAge() {
        return Duration.ofMinutes(maxAgeMinutes);
    }

    /** "a second factor at most 15 min old", as the catalogue, the audit trail and the writ page say it. */
    public String describe() {
        return "a second factor at most " + maxAgeMinutes + " min old";
    }

    /** Whether this sign-in is strong and recent enough, now. */
    public boolean satisfiedBy(SignIn signIn, Instant now) {
        return STRONG_ACR.equals(signIn.acr()) && signIn.at() != null
                && !signIn.at().isBefore(now.minus(maxAge())) && !signIn.at().isAfter(now.plusSeconds(60));
    }

    /**
     * Refuses a sign-in that does not satisfy this step-up, saying what would.
     *
     * @param what what was being done ("asking for k8s-cluster-admin"), for the message
     */
    public void require(SignIn signIn, Instant now, String what) {
        if (!satisfiedBy(signIn, now)) {
            throw new StepUpRequired(this, what + " needs a sign-in with a second factor (acr " + STRONG_ACR
                    + ") at most " + maxAgeMinutes + " min old; this one: " + signIn.describe());
        }
    }
}
