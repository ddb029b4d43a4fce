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
                .forTarget("", null).submit());

        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("entitlement", "ticket", "justification", "durationMinutes", "target");
        assertThat(refused.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
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
        var w = ask().forTarget(NHI, "alice").submit();

        assertThat(w.target()).isEqualTo(NHI);
        assertThat(w.targetOwner()).contains("alice");
    }

    @Test
    void aNonHumanIdentityMayAskForItselfAndItsOwnerIsRecorded() {
        var w = ask().by(NHI).forTarget(NHI, "alice").submit();

        assertThat(w.requester()).isEqualTo(NHI);
        assertThat(w.targetOwner()).contains("alice");
    }

    @Test
    void nobodyMayAskForSomeoneElseOrForANonHumanIdentityTheyDoNotOwn() {
        assertThatThrownBy(() -> ask().forTarget("bob", null).submit())
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("target"));
        assertThatThrownBy(() -> ask().forTarget(NHI, "carol").submit())
                .isInstanceOf(InvalidRequest.class);
    }
}
