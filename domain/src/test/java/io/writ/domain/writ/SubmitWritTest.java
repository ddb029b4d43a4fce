package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.identity.DirectoryRef;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.ticket.TicketStatus;
import org.junit.jupiter.api.Test;

import static io.writ.domain.writ.Writs.NHI;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubmitWritTest {

    @Test
    void aValidRequestIsSubmittedWithAnIdAndTheEntitlementsRiskTier() {
        var w = ask().submit();

        assertThat(w.id()).isNotBlank();
        assertThat(w.state()).isEqualTo(WritState.SUBMITTED);
        assertThat(w.requester()).isEqualTo("alice");
        assertThat(w.target()).isEqualTo("alice");
        assertThat(w.entitlement()).isEqualTo("prod-db-admin");
        assertThat(w.riskTier()).isEqualTo(RiskTier.HIGH);
        assertThat(w.ticket()).contains("CHG-1001");
        assertThat(w.requestedMinutes()).isEqualTo(60);
        assertThat(w.submittedAt()).isEqualTo(T0);
        assertThat(w.grant()).isEmpty();
    }

    @Test
    void theDirectoryIsToldOfTheTargetByItsKeyWhenItWasKnownAtSubmission() {
        assertThat(ask().targetId("4f1c-kc-user-id").submit().targetRef())
                .isEqualTo(new DirectoryRef("4f1c-kc-user-id", "alice"));
        assertThat(ask().submit().targetRef()).as("a writ from before keys were kept: by name")
                .isEqualTo(DirectoryRef.named("alice"));
    }

    @Test
    void eachSubmissionGetsItsOwnId() {
        assertThat(ask().submit().id()).isNotEqualTo(ask().submit().id());
    }

    @Test
    void anInvalidRequestListsEveryFieldErrorAtOnce() {
        var refused = catchThrowableOfType(InvalidRequest.class, () -> ask()
                .entitlement(" ", null).ticket(null, null).justification("fix it").minutes(0)
                .unknownTarget("nobody").submit());

        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("entitlement", "ticket", "justification", "durationMinutes", "target");
        assertThat(refused.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    }

    @Test
    void aTargetTheDirectoryDoesNotKnowIsRefusedTogetherWithEveryOtherFieldError() {
        var refused = catchThrowableOfType(InvalidRequest.class, () -> ask().unknownTarget("nobody").minutes(600)
                .submit());

        assertThat(refused.errors()).containsExactlyInAnyOrder(
                new FieldError("target", "no identity named 'nobody' is known to Keycloak"),
                new FieldError("durationMinutes", "at most 240 minutes for prod-db-admin"));
    }

    @Test
    void aDisabledTargetOrAnNhiWithoutAnOwnerIsRefused() {
        assertThatThrownBy(() -> ask().disabledTarget().submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("target", "alice is disabled in Keycloak")));
        assertThatThrownBy(() -> ask().by(NHI).forNhi(NHI, null).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("without an accountable owner")));
    }

    @Test
    void aPersonNamedLikeAServiceAccountIsStillAPersonAndOwnsNothing() {
        var w = ask().by("service-account-ci-deployer").submit();

        assertThat(w.targetOwner()).as("only the directory says what is an NHI").isEmpty();
    }

    @Test
    void aMissingDurationIsAFieldErrorNotACrash() {
        assertThatThrownBy(() -> ask().minutes(null).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("durationMinutes", "is required")));
    }

    @Test
    void aWindowLongerThanTheEntitlementAllowsIsRefusedAlongsideABadTicket() {
        var malformed = TicketStatus.malformed("'TICKET-42' is not a ticket reference");

        assertThatThrownBy(() -> ask().ticket("TICKET-42", malformed).minutes(600).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        new FieldError("ticket", malformed.message()),
                        new FieldError("durationMinutes", "at most 240 minutes for prod-db-admin")));
    }

    @Test
    void breakGlassNeedsNoTicket() {
        var w = ask().ticket(null, null).breakGlass().submit();

        assertThat(w.breakGlass()).isTrue();
        assertThat(w.ticket()).isEmpty();
    }

    @Test
    void aClosedOrUnknownTicketIsRefusedWithTheTicketSystemsMessage() {
        for (var status : new TicketStatus[] {TicketStatus.closed("CHG-7"), TicketStatus.unknown("CHG-7"),
                TicketStatus.malformed("CHG7 is not a ticket reference (expected CHG- or INC- and digits)")}) {
            assertThatThrownBy(() -> ask().ticket("CHG-7", status).submit())
                    .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("ticket", status.message())));
        }
    }

    @Test
    void anEntitlementTheCatalogueDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> ask().entitlement("root-of-everything", null).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("entitlement"))
                .hasMessageContaining("root-of-everything");
    }

    @Test
    void aRequesterMayAskForANonHumanIdentityTheyOwn() {
        var w = ask().forNhi(NHI, "alice").submit();

        assertThat(w.target()).isEqualTo(NHI);
        assertThat(w.targetOwner()).contains("alice");
    }

    @Test
    void aNonHumanIdentityMayAskForItselfAndItsOwnerIsRecorded() {
        var w = ask().by(NHI).forNhi(NHI, "alice").submit();

        assertThat(w.requester()).isEqualTo(NHI);
        assertThat(w.targetOwner()).contains("alice");
    }

    @Test
    void nobodyMayAskForSomeoneElseOrForANonHumanIdentityTheyDoNotOwn() {
        assertThatThrownBy(() -> ask().forTarget("bob").submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("target"));
        assertThatThrownBy(() -> ask().forNhi(NHI, "carol").submit())
                .isInstanceOf(InvalidRequest.class);
    }
}
