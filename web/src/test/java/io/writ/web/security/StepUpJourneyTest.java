package io.writ.web.security;

import io.writ.domain.stepup.SignIn;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's trip through step-up: Keycloak's answer must be this trip's, once; the input comes back once. */
class StepUpJourneyTest {

    private record Typed(String comment) implements java.io.Serializable {
    }

    private final StepUpJourney journey = new StepUpJourney();
    private final SignIn mfa = new SignIn("mfa", Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void onlyTheStateThisTripSentIsTakenAndOnlyOnce() {
        var state = journey.begin();

        assertThat(journey.answers("forged")).isFalse();
        assertThat(journey.answers(state)).as("a wrong answer ends the trip").isFalse();
        var again = journey.begin();
        assertThat(again).isNotEqualTo(state);
        assertThat(journey.answers(again)).isTrue();
        assertThat(journey.answers(again)).as("an answer replayed").isFalse();
    }

    @Test
    void theInputComesBackOnceOnThePageItWasTypedOn() {
        journey.keep("/inbox.xhtml", new Typed("checked the change"));

        assertThat(journey.finish(mfa)).isEqualTo("/inbox.xhtml");
        assertThat(journey.resumed(String.class)).as("another page's kind of input").isEmpty();
        assertThat(journey.resumed(Typed.class)).contains(new Typed("checked the change"));
        assertThat(journey.resumed(Typed.class)).isEmpty();
        assertThat(journey.strongSignIn()).contains(mfa);
    }

    @Test
    void anAbandonedTripGivesTheInputBackAndProvesNothing() {
        journey.keep("/request.xhtml", new Typed("kept"));

        assertThat(journey.abandon()).isEqualTo("/request.xhtml");
        assertThat(journey.resumed(Typed.class)).contains(new Typed("kept"));
        assertThat(journey.strongSignIn()).isEmpty();
    }
}
