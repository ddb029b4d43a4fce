package io.writ.workflow.receipt;

import io.writ.domain.alert.Alert;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.alert.AlertRule;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.identity.EntitlementChange;
import io.writ.domain.identity.EntitlementChange.Operation;
import io.writ.domain.identity.EntitlementChanges;
import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.Corroboration.Step;
import io.writ.domain.receipt.Corroboration.Verdict;
import io.writ.domain.receipt.CorroborationRepository;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Writs;
import io.writ.workflow.containment.AlertDesk;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeWrits;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A look at Keycloak's records: the grants and revocations measured since are judged once, and an entitlement of a
 * writ given again by no writ raises one alert on that writ; the writ's own grant, and an addition to someone who
 * never had a writ for it, raise none.
 */
class KeycloakWitnessTest {

    private static final String ALICE_ID = "id-alice";
    private static final Instant NOW = Writs.T0.plusSeconds(600);

    private final List<EntitlementChange> recorded = new ArrayList<>();
    private final List<Corroboration> judged = new ArrayList<>();
    private final FakeWrits writs = new FakeWrits(e -> { });
    private final AlertRepository alerts = mock(AlertRepository.class);
    private final KeycloakWitness witness = new KeycloakWitness();

    KeycloakWitnessTest() {
        witness.changes = (from, to, first, max) -> recorded.stream()
                .filter(c -> !c.at().isBefore(from) && !c.at().isAfter(to)).skip(first).limit(max).toList();
        witness.writs = writs;
        witness.catalogue = new DemoCatalogue();
        witness.alerts = alerts;
        witness.alertDesk = mock(AlertDesk.class);
        witness.corroborations = new CorroborationRepository() {
            public boolean saveOnce(Corroboration c) {
                if (judged.stream().anyMatch(j -> j.writId().equals(c.writId()) && j.step() == c.step())) {
                    return false;
                }
                return judged.add(c);
            }
            public List<Corroboration> of(String writId) {
                return judged.stream().filter(c -> c.writId().equals(writId)).toList();
            }
            public Set<String> cited(Collection<String> eventIds) {
                return judged.stream().flatMap(c -> c.eventId().stream()).filter(eventIds::contains)
                        .collect(java.util.stream.Collectors.toSet());
            }
            public List<Corroboration> ofAll(Collection<String> writIds) {
                return judged.stream().filter(c -> writIds.contains(c.writId())).toList();
            }
        };
        witness.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** Alice's billing-read writ: approved at +10 s, added at +10.1 s, present at +10.2 s, ended at +60 s. */
    private Writ ended() {
        var w = Writs.ask().targetId(ALICE_ID).entitlement("billing-read", io.writ.domain.entitlement.RiskTier.LOW)
                .submitAt(Writs.T0);
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), Writs.T0);
        w.approve(Writs.BOB, null, Writs.T0.plusSeconds(10));
        w.recordGrant(Writs.T0.plusMillis(10_100), Writs.T0.plusMillis(10_200));
        w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", Writs.T0.plusSeconds(60));
        w.recordRevocation(new Revocation(Writs.T0.plusMillis(60_100), Writs.T0.plusMillis(60_200),
                Writs.T0.plusMillis(60_300), 1, Writs.T0.plusSeconds(60), Writs.T0.plusSeconds(120)));
        writs.save(w);
        return w;
    }

    private void keycloakRecorded(String id, long millis, Operation operation, String userId) {
        recorded.add(new EntitlementChange(id, Writs.T0.plusMillis(millis), operation, userId,
                EntitlementKind.REALM_ROLE, Set.of("billing-read"), "user admin of realm master"));
    }

    @Test
    void eachMeasuredStepIsJudgedOnceAndTheWritsOwnGrantRaisesNothing() {
        var writ = ended();
        keycloakRecorded("add", 10_150, Operation.ADDED, ALICE_ID);
        keycloakRecorded("del", 60_150, Operation.REMOVED, ALICE_ID);

        var readTo = witness.look(Writs.T0);
        witness.look(Writs.T0);

        assertThat(readTo).isEqualTo(NOW.minus(KeycloakWitness.SETTLE));
        assertThat(judged).extracting(Corroboration::step, Corroboration::verdict).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Step.GRANT, Verdict.CORROBORATED),
                org.assertj.core.groups.Tuple.tuple(Step.REVOCATION, Verdict.CORROBORATED));
        assertThat(Corroboration.completeReceipt(writ, judged)).isTrue();
        verify(witness.alertDesk, never()).raise(any());
    }

    @Test
    void theEntitlementGivenAgainAfterTheWritEndedIsAnAlertOnThatWritOnce() {
        var writ = ended();
        keycloakRecorded("add", 10_150, Operation.ADDED, ALICE_ID);
        keycloakRecorded("back", 300_000, Operation.ADDED, ALICE_ID);
        keycloakRecorded("other", 300_000, Operation.ADDED, "id-somebody-without-writs");

        witness.look(Writs.T0);

        var raised = ArgumentCaptor.forClass(Alert.class);
        verify(witness.alertDesk).raise(raised.capture());
        var alert = raised.getValue();
        assertThat(alert.rule()).isEqualTo(AlertRule.STANDING_PRIVILEGE_APPEARED);
        assertThat(alert.writId()).contains(writ.id());
        assertThat(alert.eventId()).isEqualTo("back");
        assertThat(alert.sessionId()).isEmpty();
        assertThat(alert.evidence()).contains("after writ " + writ.id());
    }
}
