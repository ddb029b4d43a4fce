package io.writ.workflow.persistence;

import io.writ.domain.ticket.TicketStatus;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Writs;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.writ.domain.writ.Writs.ask;
import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writs' queries on a real database (H2, or PostgreSQL when ./test.sh names one), each answering what its
 * caller needs: the requesters' histories an approver's inbox shows (one query for all of them), the writs awaiting
 * a decision or a review, the active ones, and the periods the figures count. One database for the class (starting
 * Hibernate is slow): each test has requesters, targets and tickets of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JpaWritRepositoryTest {

    private final EntityManagerFactory factory;
    private final JpaWritRepository writs = new JpaWritRepository();

    JpaWritRepositoryTest() {
        factory = Persistence.createEntityManagerFactory("mapping",
                Map.of("jakarta.persistence.nonJtaDataSource", TestDatabase.migrated()));
        writs.em = factory.createEntityManager();
    }

    @AfterAll
    void close() {
        writs.em.close();
        factory.close();
    }

    @Test
    void eachRequestersLatestWritsNewestFirstAndNoMoreThanAsked() {
        for (int minute = 0; minute < 7; minute++) {
            keep(ask().by("alice").submitAt(at(minute)));
        }
        keep(ask().by("frank").submitAt(at(3)));
        keep(ask().by("frank").submitAt(at(9)));
        keep(ask().by("carol").submitAt(at(20)));

        var latest = writs.latestOf(Set.of("alice", "frank", "nobody"), 3);

        assertThat(latest).as("carol was not asked for; nobody has no writs").containsOnlyKeys("alice", "frank");
        assertThat(latest.get("alice")).extracting(Writ::submittedAt).containsExactly(at(6), at(5), at(4));
        assertThat(latest.get("frank")).extracting(Writ::submittedAt).containsExactly(at(9), at(3));
    }

    @Test
    void writsSubmittedAtTheSameInstantStillGiveNoMoreThanAsked() {
        for (int i = 0; i < 4; i++) {
            keep(ask().by("dana").submitAt(at(1)));
        }

        assertThat(writs.latestOf(Set.of("dana"), 2).get("dana")).hasSize(2);
    }

    @Test
    void noRequestersNoRead() {
        assertThat(writs.latestOf(Set.of(), 5)).isEmpty();
    }

    @Test
    void whatAwaitsADecisionAndWhatIsActiveFollowsEachWritsState() {
        var pending = keep(pending("gina", "CHG-71"));
        var active = keep(active("gina", "CHG-72", at(10)));
        var extending = active("gina", "CHG-73", at(10));
        extending.requestExtension("gina", 30, at(20));
        keep(extending);

        assertThat(ids(writs.awaitingDecision())).contains(pending.id()).doesNotContain(active.id());
        assertThat(ids(writs.extensionAwaitingDecision())).contains(extending.id()).doesNotContain(active.id());
        assertThat(ids(writs.activeWithTicket("CHG-72"))).containsExactly(active.id());
        assertThat(ids(writs.activeFor("gina"))).containsExactlyInAnyOrder(active.id(), extending.id());
        assertThat(ids(writs.active())).contains(active.id(), extending.id()).doesNotContain(pending.id());
        assertThat(ids(writs.activeOf(Set.of(active.entitlement(), "bastion-shell"))))
                .contains(active.id(), extending.id()).doesNotContain(pending.id());
        assertThat(ids(writs.activeOf(Set.of("bastion-shell")))).doesNotContain(active.id(), extending.id());
        assertThat(ids(writs.grantedTo("gina", 5))).containsExactlyInAnyOrder(active.id(), extending.id());
        assertThat(ids(writs.activeEndingBefore(at(71)))).as("both windows end at minute 70")
                .contains(active.id(), extending.id());
        assertThat(ids(writs.activeEndingBefore(at(70)))).doesNotContain(active.id(), extending.id());
        assertThat(ids(writs.mine("gina"))).containsExactlyInAnyOrder(pending.id(), active.id(), extending.id());
    }

    @Test
    void theReviewsOwedAreFoundUntilTheyAreDone() {
        var ended = active("hugo", "CHG-81", at(10));
        ended.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "hugo", at(20));
        ended.recordRevocation(new Revocation(at(21), at(21), at(21), 1, null, null));
        keep(ended);
        var broken = ask().by("hugo").ticket(null, null).breakGlass().justification("production is down, now")
                .submitAt(at(0));
        broken.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(0));
        broken.recordGrant(at(1), at(1));
        broken.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "hugo", at(5));
        broken.recordRevocation(new Revocation(at(6), at(6), at(6), 0, null, null));
        broken.requirePostIncidentReview(at(6 + 48 * 60), at(6));
        keep(broken);

        assertThat(ids(writs.awaitingPostAccessReviewBy("hugo"))).containsExactlyInAnyOrder(ended.id(), broken.id());
        assertThat(ids(writs.awaitingPostIncidentReview())).contains(broken.id()).doesNotContain(ended.id());
        assertThat(ids(writs.revokedSince(at(6)))).contains(ended.id(), broken.id());
        assertThat(ids(writs.revokedSince(at(7)))).contains(ended.id()).doesNotContain(broken.id());
    }

    @Test
    void aPeriodCountsTheWritsSubmittedAndDecidedInIt() {
        var early = keep(ask().by("ines").ticket("CHG-91", TicketStatus.open("CHG-91")).submitAt(at(-600)));
        var decided = pending("ines", "CHG-92");
        decided.approve(Writs.BOB, null, at(30));
        keep(decided);

        assertThat(ids(writs.submittedBetween(at(-601), at(-599)))).containsExactly(early.id());
        assertThat(ids(writs.decidedSince(at(30)))).contains(decided.id()).doesNotContain(early.id());
    }

    @Test
    void theGrantsAndRevocationsKeycloaksRecordsHaveNotJudgedYetAndWhatExplainsAnAddition() {
        var prodDb = new io.writ.domain.entitlement.Entitlement("prod-db-admin",
                io.writ.domain.entitlement.EntitlementKind.REALM_ROLE, null, io.writ.domain.entitlement.RiskTier.HIGH,
                240, 1, "approver", 90, "carol");
        var unjudged = granted("id-jude", at(500));
        var judged = granted("id-jude", at(510));
        var revoked = granted("id-jude", at(520));
        revoked.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(530));
        revoked.recordRevocation(new Revocation(at(530), at(530), at(530), 1, at(530), at(531)));
        var long_ago = granted("id-jude", at(-600));
        var beingGranted = ask().targetId("id-jude").ticket("CHG-2", TicketStatus.open("CHG-2")).submitAt(at(600));
        beingGranted.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at(600));
        beingGranted.approve(Writs.BOB, null, at(601));
        List.of(unjudged, judged, revoked, long_ago, beingGranted).forEach(this::keep);
        for (var w : List.of(judged, revoked)) {
            var added = new io.writ.domain.identity.EntitlementChange("add-" + w.id(), w.grant().orElseThrow()
                    .grantedAt(), io.writ.domain.identity.EntitlementChange.Operation.ADDED, "id-jude",
                    io.writ.domain.entitlement.EntitlementKind.REALM_ROLE, Set.of("prod-db-admin"), "admin");
            keep(io.writ.domain.receipt.Corroboration.judge(w, prodDb,
                    io.writ.domain.receipt.Corroboration.Step.GRANT, List.of(added), at(900), Set.of()).orElseThrow());
        }

        assertThat(ids(writs.awaitingCorroboration(at(400), 100))).as("the grant of one, the revocation of another")
                .containsExactly(unjudged.id(), revoked.id());
        assertThat(ids(writs.awaitingCorroboration(at(400), 1))).containsExactly(unjudged.id());
        assertThat(ids(writs.grantsOf("id-jude", "prod-db-admin"))).containsExactlyInAnyOrder(unjudged.id(),
                judged.id(), revoked.id(), long_ago.id(), beingGranted.id());
        assertThat(writs.grantsOf("id-jude", "billing-read")).isEmpty();
        assertThat(ids(writs.grantsAround("id-jude", "prod-db-admin", at(510),
                io.writ.domain.receipt.Corroboration.SKEW)))
                .as("the grant at minute 510, the latest before it, and the one being granted; not the others")
                .containsExactly(unjudged.id(), judged.id(), beingGranted.id());
        assertThat(writs.tokensRejectedFrom(revoked.target())).contains(at(530));
    }

    private static Writ granted(String targetId, Instant at) {
        var w = ask().targetId(targetId).ticket("CHG-1", TicketStatus.open("CHG-1")).submitAt(at.minusSeconds(120));
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at.minusSeconds(120));
        w.approve(Writs.BOB, null, at.minusSeconds(1));
        w.recordGrant(at, at.plusMillis(5));
        return w;
    }

    private static Writ pending(String requester, String ticket) {
        var w = ask().by(requester).ticket(ticket, TicketStatus.open(ticket)).submit();
        w.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), at(1));
        return w;
    }

    private static Writ active(String requester, String ticket, Instant grantedAt) {
        var w = pending(requester, ticket);
        w.approve(Writs.BOB, null, grantedAt.minusSeconds(60));
        w.recordGrant(grantedAt, grantedAt);
        return w;
    }

    private static List<String> ids(List<Writ> found) {
        return found.stream().map(Writ::id).toList();
    }

    private void keep(io.writ.domain.receipt.Corroboration corroboration) {
        var em = writs.em;
        em.getTransaction().begin();
        em.persist(corroboration);
        em.getTransaction().commit();
        em.clear();
    }

    private Writ keep(Writ writ) {
        var em = writs.em;
        em.getTransaction().begin();
        em.persist(writ);
        em.getTransaction().commit();
        em.clear();
        return writ;
    }
}
