package io.writ.domain.writ;

import io.writ.domain.InvalidRequest;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.stepup.StepUpRequired;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step-up: a CRITICAL entitlement is asked for and decided on only after a recent sign-in with a second factor. */
class StepUpTest {

    private static SignIn password(Instant at) {
        return new SignIn("password", at);
    }

    private static SignIn mfa(Instant at) {
        return new SignIn(StepUp.STRONG_ACR, at);
    }

    private static Writs.Ask critical() {
        return Writs.ask().entitlement("k8s-cluster-admin", RiskTier.CRITICAL);
    }

    /** Alice's 60-minute CRITICAL writ (step-up 15 min), asked after a second factor, awaiting two approvals. */
    private static Writ pendingCritical() {
        var w = critical().signedIn(mfa(T0)).submitAt(T0);
        w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 120), T0);
        return w;
    }

    @Test
    void aNewCriticalEntitlementAsksForFifteenMinutesAndAnAdministratorMayChangeIt() {
        var critical = new Entitlement("k8s-cluster-admin", EntitlementKind.REALM_ROLE, null, RiskTier.CRITICAL, 60, 2,
                "approver", 30, "carol");
        var high = new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null, RiskTier.HIGH, 60, 2,
                "approver", 30, "carol");

        assertThat(critical.stepUp()).contains(new StepUp(15));
        assertThat(high.stepUp()).isEmpty();
        high.requireStepUp(5);
        assertThat(high.stepUp()).contains(new StepUp(5));
        critical.requireStepUp(0);
        assertThat(critical.stepUp()).isEmpty();
        assertThatThrownBy(() -> high.requireStepUp(-1)).isInstanceOf(InvalidRequest.class)
                .satisfies(e -> assertThat(((InvalidRequest) e).errors()).extracting("field").containsExactly("stepUpMinutes"));
    }

    @Test
    void aPasswordAloneCannotAskForACriticalEntitlementAndTheRefusalSaysWhatWould() {
        assertThatThrownBy(() -> critical().signedIn(password(T0)).submitAt(T0))
                .isInstanceOfSatisfying(StepUpRequired.class, e -> {
                    assertThat(e.acrValues()).isEqualTo("mfa");
                    assertThat(e.maxAgeSeconds()).isEqualTo(900);
                    assertThat(e.getMessage()).contains("asking for k8s-cluster-admin").contains("acr password");
                });
        assertThatThrownBy(() -> critical().signedIn(SignIn.UNKNOWN).submitAt(T0))
                .isInstanceOf(StepUpRequired.class).hasMessageContaining("not recorded");
    }

    @Test
    void aSecondFactorOlderThanTheLimitIsAskedForAgain() {
        assertThatThrownBy(() -> critical().signedIn(mfa(at(0))).submitAt(at(16)))
                .isInstanceOf(StepUpRequired.class);
        assertThat(critical().signedIn(mfa(at(0))).submitAt(at(15)).state()).isEqualTo(WritState.SUBMITTED);
        assertThatThrownBy(() -> critical().signedIn(new SignIn("mfa", null)).submitAt(T0))
                .as("a second factor of unknown age proves nothing recent").isInstanceOf(StepUpRequired.class);
    }

    @Test
    void theWritKeepsWhatItsEntitlementAskedAndHowItsRequesterSignedIn() {
        var w = critical().signedIn(mfa(at(-2))).submitAt(T0);

        assertThat(w.stepUp()).contains(new StepUp(15));
        assertThat(w.terms().requesterSignIn()).isEqualTo(mfa(at(-2)));
    }

    @Test
    void lowerTiersGoOnWithAPasswordAndStillKeepHowTheRequesterSignedIn() {
        var w = Writs.ask().signedIn(password(T0)).submitAt(T0);

        assertThat(w.stepUp()).isEmpty();
        assertThat(w.terms().requesterSignIn()).isEqualTo(password(T0));
    }

    @Test
    void anApproverWithAPasswordAloneDecidesNothingOnACriticalWrit() {
        var w = pendingCritical();

        assertThatThrownBy(() -> w.approve(BOB.signedIn(password(at(1))), "ok", at(1)))
                .isInstanceOf(StepUpRequired.class).hasMessageContaining("deciding on writ " + w.id());
        assertThatThrownBy(() -> w.reject(BOB.signedIn(password(at(1))), "no", at(1)))
                .isInstanceOf(StepUpRequired.class);
        assertThat(w.approvals()).isEmpty();
        assertThat(w.state()).isEqualTo(WritState.PENDING_APPROVAL);
    }

    @Test
    void eachDecisionKeepsHowItsApproverSignedIn() {
        var w = pendingCritical();

        w.approve(BOB.signedIn(mfa(at(1))), "ok", at(2));
        w.approve(CAROL.signedIn(mfa(at(3))), null, at(3));

        assertThat(w.state()).isEqualTo(WritState.APPROVED);
        assertThat(w.approvals()).extracting(Approval::signIn).containsExactly(mfa(at(1)), mfa(at(3)));
    }

    @Test
    void separationOfDutiesIsAskedBeforeStepUp() {
        var w = pendingCritical();

        assertThatThrownBy(() -> w.approve(Writs.ALICE_AS_APPROVER.signedIn(password(at(1))), null, at(1)))
                .isInstanceOf(SeparationOfDutiesViolation.class);
    }

    @Test
    void anExtensionOfACriticalWritIsDecidedOnlyAfterASecondFactor() {
        var w = pendingCritical();
        w.approve(BOB.signedIn(mfa(at(1))), null, at(1));
        w.approve(CAROL.signedIn(mfa(at(1))), null, at(1));
        w.recordGrant(at(2), at(2));
        w.requestExtension("alice", 10, at(5));

        assertThatThrownBy(() -> w.approveExtension(BOB.signedIn(password(at(6))), at(6)))
                .isInstanceOf(StepUpRequired.class);
        assertThat(w.pendingExtension()).isPresent();
        w.approveExtension(BOB.signedIn(mfa(at(6))), at(6));
        assertThat(w.pendingExtension()).isEmpty();
        assertThat(w.extension().orElseThrow().deciderSignIn()).as("the extension keeps how bob signed in")
                .isEqualTo(mfa(at(6)));
    }

    @Test
    void decisionsWithoutStepUpStillKeepTheSignIn() {
        var w = Writs.pending(1);

        w.approve(BOB.signedIn(password(at(1))), null, at(1));

        assertThat(w.approvals()).singleElement().extracting(Approval::signIn).isEqualTo(password(at(1)));
    }
}
