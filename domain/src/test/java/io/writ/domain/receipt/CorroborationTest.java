package io.writ.domain.receipt;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.EntitlementChange;
import io.writ.domain.identity.EntitlementChange.Operation;
import io.writ.domain.receipt.Corroboration.Step;
import io.writ.domain.receipt.Corroboration.Verdict;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak's own records as a witness of a writ's grant and removal: within the times Writ measured they corroborate
 * it; outside them they disagree; absent, they are missing (once read past); and an entitlement added by no writ's
 * grant is told from the writ's own.
 */
class CorroborationTest {

    private static final String ALICE_ID = "8d6c-alice";
    private static final Entitlement PROD_DB = new Entitlement("prod-db-admin", EntitlementKind.REALM_ROLE, null,
            RiskTier.HIGH, 240, 1, "approver", 90, "carol");

    /** Approved at +5 s, added at +5.2 s, read back present at +5.3 s; ended at +60 s, removed at +60.4 s. */
    private static Writ revoked() {
        var w = granted();
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", sec(60));
        w.recordRevocation(new Revocation(ms(60_400), ms(60_450), ms(60_500), 1, sec(60), ms(60_400).plusSeconds(60)));
        return w;
    }

    private static Writ granted() {
        var w = ask().targetId(ALICE_ID).submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        w.approve(BOB, null, sec(5));
        w.recordGrant(ms(5_200), ms(5_300));
        return w;
    }

    private static EntitlementChange change(String id, Instant at, Operation operation, String... names) {
        return new EntitlementChange(id, at, operation, ALICE_ID, EntitlementKind.REALM_ROLE, Set.of(names),
                "user admin of realm master");
    }

    @Test
    void keycloaksRecordOfTheAdditionWithinTheMeasuredTimesCorroboratesTheGrant() {
        var records = List.of(change("e1", ms(5_250), Operation.ADDED, "prod-db-admin"),
                change("e2", ms(5_260), Operation.ADDED, "billing-read"));

        var verdict = Corroboration.judge(granted(), PROD_DB, Step.GRANT, records, sec(20), Set.of()).orElseThrow();

        assertThat(verdict.verdict()).isEqualTo(Verdict.CORROBORATED);
        assertThat(verdict.eventId()).contains("e1");
        assertThat(verdict.eventAt()).contains(ms(5_250));
        assertThat(verdict.actingAccount()).contains("user admin of realm master");
    }

    @Test
    void aRecordOutsideTheMeasuredTimesDisagreesAndNoRecordIsMissingOnceReadPast() {
        var late = List.of(change("e1", sec(30), Operation.ADDED, "prod-db-admin"));
        assertThat(Corroboration.judge(granted(), PROD_DB, Step.GRANT, late, sec(100),
                Set.of()).orElseThrow().verdict())
                .isEqualTo(Verdict.DISAGREES);

        assertThat(Corroboration.judge(granted(), PROD_DB, Step.GRANT, List.of(), sec(20), Set.of()))
                .as("not read past the grant's search window yet: still pending").isEmpty();
        var missing = Corroboration.judge(granted(), PROD_DB, Step.GRANT, List.of(), sec(100), Set.of()).orElseThrow();
        assertThat(missing.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(missing.eventId()).isEmpty();
    }

    @Test
    void theRemovalIsCorroboratedBetweenItsDueTimeAndTheReadBackAndAnotherIdentitysRecordDoesNotCount() {
        var records = List.of(change("add", ms(5_250), Operation.ADDED, "prod-db-admin"),
                new EntitlementChange("bob", ms(60_410), Operation.REMOVED, "bob-id", EntitlementKind.REALM_ROLE,
                        Set.of("prod-db-admin"), "user admin"),
                change("del", ms(60_420), Operation.REMOVED, "prod-db-admin"));
        var writ = revoked();

        var removal = Corroboration.judge(writ, PROD_DB, Step.REVOCATION, records, sec(120), Set.of()).orElseThrow();

        assertThat(removal.verdict()).isEqualTo(Verdict.CORROBORATED);
        assertThat(removal.eventId()).contains("del");
        var grant = Corroboration.judge(writ, PROD_DB, Step.GRANT, records, sec(120), Set.of()).orElseThrow();
        assertThat(Corroboration.completeReceipt(writ, List.of(grant, removal))).isTrue();
        assertThat(Corroboration.completeReceipt(writ, List.of(removal))).as("the grant not corroborated").isFalse();
    }

    @Test
    void noVerdictBeforeTheStepsOwnTimesAreReadAndARecordCitedForAnotherStepIsNotThisOnes() {
        var previous = change("previous", ms(-20_000), Operation.ADDED, "prod-db-admin");
        var own = change("own", ms(5_250), Operation.ADDED, "prod-db-admin");

        assertThat(Corroboration.judge(granted(), PROD_DB, Step.GRANT, List.of(previous), ms(5_000), Set.of()))
                .as("read up to before the read-back: the grant's own record may still come").isEmpty();
        assertThat(Corroboration.judge(granted(), PROD_DB, Step.GRANT, List.of(previous, own), sec(100), Set.of())
                .orElseThrow().eventId()).contains("own");
        var onlyAnother = Corroboration.judge(granted(), PROD_DB, Step.GRANT, List.of(previous), sec(100),
                Set.of("previous")).orElseThrow();
        assertThat(onlyAnother.verdict()).as("the one near it is another writ's").isEqualTo(Verdict.MISSING);
    }

    @Test
    void aRevocationThatFoundNothingToRemoveIsCorroboratedByAnEarlierAttemptsRemovalOrFlagged() {
        var w = granted();
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", sec(60));
        w.recordRevocation(new Revocation(null, ms(64_300), ms(64_400), 0, sec(64), ms(64_300).plusSeconds(60)));
        var earlier = change("earlier-attempt", ms(60_200), Operation.REMOVED, "prod-db-admin");

        var byItsEarlierAttempt = Corroboration.judge(w, PROD_DB, Step.REVOCATION, List.of(earlier), sec(70),
                Set.of()).orElseThrow();
        var bySomeoneElse = Corroboration.judge(w, PROD_DB, Step.REVOCATION, List.of(), sec(200), Set.of())
                .orElseThrow();

        assertThat(byItsEarlierAttempt.verdict()).isEqualTo(Verdict.CORROBORATED);
        assertThat(bySomeoneElse.verdict()).isEqualTo(Verdict.MISSING);
        assertThat(bySomeoneElse.detail()).contains("already absent");
        assertThat(Corroboration.completeReceipt(w, List.of(byItsEarlierAttempt)))
                .as("the removal's own answer was not measured").isFalse();
    }

    @Test
    void aGrantRecordedBeforeReceiptsIsNotJudged() {
        var w = ask().targetId(ALICE_ID).submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        w.approve(BOB, null, sec(5));

        assertThat(Corroboration.judge(w, PROD_DB, Step.GRANT, List.of(), sec(500),
                Set.of())).as("not granted").isEmpty();
    }

    @Test
    void theWritsOwnAdditionIsItsGrantAndALaterOneIsNot() {
        var writ = revoked();

        var own = change("own", ms(5_250), Operation.ADDED, "prod-db-admin");
        assertThat(Corroboration.isGrantOf(writ, PROD_DB, own, List.of())).isTrue();
        assertThat(Corroboration.isGrantOf(writ, PROD_DB, change("later", sec(300), Operation.ADDED,
                "prod-db-admin"), List.of())).as("put back after the writ ended").isFalse();
        var quick = granted();
        quick.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", ms(5_400));
        assertThat(Corroboration.isGrantOf(quick, PROD_DB, change("back", ms(5_600), Operation.ADDED,
                "prod-db-admin"), List.of())).as("put back a moment after the end, within the skew").isFalse();
        var cited = Corroboration.judge(writ, PROD_DB, Corroboration.Step.GRANT, List.of(own), sec(100), Set.of())
                .orElseThrow();
        var other = granted();
        assertThat(Corroboration.isGrantOf(other, PROD_DB, own, List.of(cited)))
                .as("an event cited for another writ's grant").isFalse();
        assertThat(Corroboration.isGrantOf(writ, PROD_DB, own, List.of(cited))).isTrue();
        var approved = ask().targetId(ALICE_ID).submit();
        approved.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        approved.approve(BOB, null, sec(5));
        assertThat(Corroboration.isGrantOf(approved, PROD_DB, change("inflight", ms(5_100), Operation.ADDED,
                "prod-db-admin"), List.of())).as("approved, its grant not recorded yet").isTrue();
    }

    @Test
    void anAdditionByNoWritIsPutBackBehindTheLatestWritGrantedBeforeItAndTheWritsOwnGrantIsNot() {
        var ended = revoked();
        var own = change("own", ms(5_250), Operation.ADDED, "prod-db-admin");
        var back = change("back", sec(300), Operation.ADDED, "prod-db-admin");

        assertThat(Corroboration.putBackBehind(List.of(ended), PROD_DB, back, List.of())).contains(ended);
        assertThat(Corroboration.putBackBehind(List.of(ended), PROD_DB, own, List.of())).as("its own grant").isEmpty();
        assertThat(Corroboration.putBackBehind(List.of(), PROD_DB, back, List.of())).as("never had a writ for it")
                .isEmpty();
    }

    private static Instant sec(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Instant ms(long millis) {
        return T0.plusMillis(millis);
    }
}
