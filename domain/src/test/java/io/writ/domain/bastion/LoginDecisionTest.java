package io.writ.domain.bastion;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.Writs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.writ.domain.writ.RevocationReason.ENDED_BY_REQUESTER;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether bastion-1, which serves the entitlement bastion-shell, lets alice in: only under an ACTIVE writ of hers
 * for bastion-shell, covering this instant, whose declared targets name bastion-1. Her writs are granted at minute
 * 10 of {@link Writs#T0}.
 */
class LoginDecisionTest {

    private static final String SHELL = "bastion-shell";
    private static final BastionLogin ALICE_AT_BASTION_1 =
            new BastionLogin("bastion-1", "alice", "alice", "10.0.0.5 port 50022", Set.of(SHELL));

    @Test
    void aWritNamingTheBastionAdmitsTheLoginUnderThatWrit() {
        var writ = active(SHELL, 60, "db-1", "bastion-1");

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(30));

        assertThat(decision.admitted()).isTrue();
        assertThat(decision.writ()).containsSame(writ);
        assertThat(decision.reason()).contains("alice admitted to bastion-1", "writ " + writ.id(), SHELL,
                "until " + at(70));
    }

    @Test
    void aWildcardTargetOpensEveryBastionItMatches() {
        var writ = active(SHELL, 60, "bastion-*");

        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(30)).writ()).containsSame(writ);
        assertThat(LoginDecision.decide(login("bastion-eu-2", SHELL), List.of(writ), at(30)).admitted()).isTrue();
        assertThat(LoginDecision.decide(login("jump-1", SHELL), List.of(writ), at(30)).admitted()).isFalse();
    }

    @Test
    void aWritThatDeclaresNoTargetsOpensNoBastion() {
        var writ = active(SHELL, 60);

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(30));

        assertThat(decision.admitted()).isFalse();
        assertThat(decision.writ()).isEmpty();
        assertThat(decision.reason()).contains("alice refused at bastion-1",
                "needs an ACTIVE writ for bastion-shell whose targets name bastion-1",
                "writ " + writ.id() + " (bastion-shell) names no targets");
    }

    @Test
    void aWritWhoseTargetsDoNotNameTheBastionIsRefusedAndItsTargetsListed() {
        var writ = active(SHELL, 60, "db-1", "db-2", "bastion-2");

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(30));

        assertThat(decision.admitted()).isFalse();
        assertThat(decision.reason()).contains("writ " + writ.id(), "targets [db-1, db-2, bastion-2]");
    }

    @Test
    void aWritOfAnEntitlementTheBastionDoesNotServeIsRefusedSayingWhatSheHolds() {
        var writ = active("prod-db-admin", 60, "bastion-1");

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(30));

        assertThat(decision.admitted()).isFalse();
        assertThat(decision.reason()).contains("needs an ACTIVE writ for bastion-shell whose targets name bastion-1",
                "it holds only prod-db-admin");
    }

    @Test
    void withoutAnyWritTheLoginIsRefused() {
        var decision = LoginDecision.decide(login("bastion-1", "bastion-shell", "bastion-admin"), List.of(), at(30));

        assertThat(decision.admitted()).isFalse();
        assertThat(decision.writ()).isEmpty();
        assertThat(decision.reason()).isEqualTo("alice refused at bastion-1: needs an ACTIVE writ for bastion-admin "
                + "or bastion-shell whose targets name bastion-1; it holds no ACTIVE writ");
    }

    @Test
    void aWritOpensTheBastionOnlyWithinItsWindow() {
        var writ = active(SHELL, 60, "bastion-1");

        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(9)).admitted())
                .as("before its grant").isFalse();
        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(10)).admitted()).isTrue();
        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(69)).admitted()).isTrue();

        var afterItsEnd = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(70));
        assertThat(afterItsEnd.admitted()).as("its window ran to minute 70").isFalse();
        assertThat(afterItsEnd.reason()).contains("it holds no ACTIVE writ");
    }

    @Test
    void aWritWhoseEndWasAskedForOpensTheBastionNoMore() {
        var writ = active(SHELL, 60, "bastion-1");
        writ.requestEnd(ENDED_BY_REQUESTER, "alice", at(30));

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(writ), at(31));

        assertThat(writ.state()).isEqualTo(WritState.ENDED);
        assertThat(decision.admitted()).isFalse();
        assertThat(decision.reason()).contains("it holds no ACTIVE writ");
    }

    @Test
    void ofTwoWritsThatOpenTheBastionTheOneEndingLastIsChosen() {
        var shorter = active(SHELL, 60, "bastion-1");
        var longer = active(SHELL, 120, "bastion-*");

        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(shorter, longer), at(30)).writ())
                .containsSame(longer);
        assertThat(LoginDecision.decide(ALICE_AT_BASTION_1, List.of(longer, shorter), at(30)).writ())
                .containsSame(longer);
    }

    @Test
    void aWritThatOpensTheBastionIsChosenOverOthersThatDoNot() {
        var otherEntitlement = active("prod-db-admin", 120, "bastion-1");
        var noTargets = active(SHELL, 120);
        var opening = active(SHELL, 30, "bastion-1");

        var decision = LoginDecision.decide(ALICE_AT_BASTION_1, List.of(otherEntitlement, noTargets, opening), at(30));

        assertThat(decision.writ()).containsSame(opening);
    }

    @Test
    void aWritOfAnyServedEntitlementOpensTheBastion() {
        var writ = active("bastion-admin", 60, "bastion-1");

        assertThat(LoginDecision.decide(login("bastion-1", SHELL, "bastion-admin"), List.of(writ), at(30)).writ())
                .containsSame(writ);
    }

    @Test
    void theBastionsListNamesForEachIdentityTheWritTheDecisionWould() {
        var alicesShorter = active(SHELL, 60, "bastion-1");
        var alicesLonger = active(SHELL, 120, "bastion-*");
        var gus = active("gus", SHELL, 60, "bastion-1");
        var carolsOtherBastion = active("carol", SHELL, 60, "bastion-2");
        var daveNoTargets = active("dave", SHELL, 60);
        var erinsUnserved = active("erin", "prod-db-admin", 60, "bastion-1");
        var hugosEnded = active("hugo", SHELL, 60, "bastion-1");
        hugosEnded.requestEnd(ENDED_BY_REQUESTER, "hugo", at(20));
        var all = List.of(alicesShorter, alicesLonger, gus, carolsOtherBastion, daveNoTargets, erinsUnserved,
                hugosEnded);

        var admissions = LoginDecision.admissions("bastion-1", Set.of(SHELL), all, at(30));

        assertThat(admissions).containsOnlyKeys("alice", "gus");
        assertThat(admissions.get("alice")).isSameAs(alicesLonger)
                .isSameAs(LoginDecision.decide(ALICE_AT_BASTION_1, all, at(30)).writ().orElseThrow());
        assertThat(admissions.get("gus")).isSameAs(gus);
        assertThat(LoginDecision.admissions("bastion-1", Set.of(SHELL), all, at(70)))
                .as("gus's window ran to minute 70").containsOnlyKeys("alice");
    }

    /** Alice's writ of that entitlement for that many minutes, declaring these targets, granted at minute 10. */
    private static Writ active(String entitlement, int minutes, String... targets) {
        return active("alice", entitlement, minutes, targets);
    }

    private static Writ active(String person, String entitlement, int minutes, String... targets) {
        var writ = Writs.ask().by(person).entitlement(entitlement, RiskTier.HIGH).minutes(minutes)
                .scope(DeclaredScope.of(List.of(targets), List.of(), List.of()))
                .submit();
        writ.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), Writs.T0);
        writ.approve(Writs.BOB, null, at(5));
        writ.recordGrant(at(10), at(10));
        assertThat(writ.state()).isEqualTo(WritState.ACTIVE);
        return writ;
    }

    private static BastionLogin login(String bastion, String... served) {
        return new BastionLogin(bastion, "alice", "alice", "10.0.0.5 port 50022", Set.of(served));
    }
}
