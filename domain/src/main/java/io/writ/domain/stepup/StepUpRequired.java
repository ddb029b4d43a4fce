package io.writ.domain.stepup;

import io.writ.domain.WritException;

/**
 * The person must sign in again, more strongly, before this is done: nothing was changed. The API answers it with
 * RFC 9470's challenge (401, {@code insufficient_user_authentication}, {@code acr_values}, {@code max_age}); a page
 * sends the person through Keycloak's step-up and back to what they were doing.
 */
public class StepUpRequired extends WritException {

    private final StepUp stepUp;

    public StepUpRequired(StepUp stepUp, String message) {
        super(message);
        this.stepUp = stepUp;
    }

    public String acrValues() {
        return StepUp.STRONG_ACR;
    }

    public long maxAgeSeconds() {
        return stepUp.maxAge().toSeconds();
    }
}
