package io.writ.workflow.persistence;

import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.Approval;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.writ.ExtensionState;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.Writs;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.writ.domain.writ.Writs.BOB;
import static io.writ.domain.writ.Writs.CAROL;
import static io.writ.domain.writ.Writs.DAVE;
import static io.writ.domain.writ.Writs.SAM_SPONSOR;
import static io.writ.domain.writ.Writs.T0;
import static io.writ.domain.writ.Writs.at;
import static io.writ.domain.writ.Writs.ask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writ's JPA mapping on the schema the portal migrates (H2, or PostgreSQL when ./test.sh names one): a writ
 * stored at each stage of its life comes back, in a fresh EntityManager, the same in everything the application reads
 * of it; and a writ saved after each step of its life, as the application saves it, comes back as saved each time.
 */
class WritMappingTest {

    private static EntityManagerFactory jpa;

    @BeforeAll
    static void openTheUnitOnTheMigratedSchema() {
        jpa = Persistence.createEntityManagerFactory("mapping",
                Map.of("jakarta.persistence.nonJtaDataSource", TestDatabase.migrated()));
    }

    @AfterAll
    static void closeTheUnit() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @Test
    void aSubmittedWritForAnNhiWithItsDeclaredScope() {
        var writ = ask().forNhi(Writs.NHI, "alice").targetId("5b0c7a4e-kc-id")
                .entitlement("payments-operator", RiskTier.MEDIUM).coverage(SessionCoverage.LIGHT)
                .scope(DeclaredScope.of(List.of("pay-db-*", "pay-app-1"), List.of("psql*", "systemctl restart pay*"),
                        List.of("/var/backups/*")))
                .submit();

        var read = storedAndReadBack(writ);

        assertReadAsStored(read, writ);
        assertThat(read.state()).isEqualTo(WritState.SUBMITTED);
        assertThat(read.policy()).isEmpty();
        assertThat(read.targetOwner()).contains("alice");
        assertThat(read.targetRef().id()).isEqualTo("5b0c7a4e-kc-id");
        assertThat(read.scope().commands()).containsExactly("psql*", "systemctl restart pay*");
        assertThat(read.sessionCoverage()).contains(SessionCoverage.LIGHT);
    }

    @Test
    void aPendingWritKeepsItsApprovalsInTheOrderMadeAndItsEscalatedPolicy() {
        var writ = Writs.pending(4);
        writ.approve(BOB, "on the change plan", at(3));
        writ.approve(CAROL, null, at(3)); // the same instant: only the order made tells them apart
        writ.escalateTo("security", at(60));
        writ.approve(DAVE, "covering for the approvers", at(61));

        var read = storedAndReadBack(writ);

        assertReadAsStored(read, writ);
        assertThat(read.state()).isEqualTo(WritState.PENDING_APPROVAL);
        assertThat(read.approvals()).extracting(Approval::approver).containsExactly("bob", "carol", "dave");
        assertThat(read.policy().flatMap(ApprovalPolicy::backupGroup)).contains("security");
    }

    @Test
    void aThirdPartyWritKeepsItsSponsorsApproval() {
        var writ = ask().thirdParty().submit();
        writ.applyPolicy(ApprovalPolicy.withSponsor(1, "approver", 60, "sponsor"), T0);
        writ.approve(SAM_SPONSOR, "I vouch for this contractor", at(1));

        var read = storedAndReadBack(writ);

        assertReadAsStored(read, writ);
        assertThat(read.thirdParty()).isTrue();
        assertThat(read.approvals()).singleElement().satisfies(a -> {
            assertThat(a.sponsorGroupMember()).isTrue();
            assertThat(a.approverGroupMember()).isFalse();
        });
    }

    @Test
    void anActiveWritKeepsItsGrantToTheMicrosecond() {
        var writ = ask().submit();
        writ.applyPolicy(ApprovalPolicy.approvals(1, "approver", 240), T0);
        writ.attachProcess("c4a1e3f0-0b7e-11f1-process");
        writ.approve(BOB, null, at(5));
        writ.recordGrant(at(10), at(10).plusNanos(123_456_000));

        var read = storedAndReadBack(writ);

        assertReadAsStored(read, writ);
        assertThat(read.state()).isEqualTo(WritState.ACTIVE);
        assertThat(read.grant().map(Grant::confirmedPresentAt)).contains(at(10).plusNanos(123_456_000));
        assertThat(read.processInstanceId()).contains("c4a1e3f0-0b7e-11f1-process");
    }

    @Test
    void anExtendedWritAndOneWhoseExtensionWasRefused() {
        var extended = Writs.active();
        extended.requestExtension("alice", 30, at(50));
        extended.approveExtension(CAROL, at(55));
        var refused = Writs.active();
        refused.requestExtension("alice", 30, at(50));
        refused.rejectExtension(CAROL, "the change window closes at eleven", at(55));

        var readExtended = storedAndReadBack(extended);
        var readRefused = storedAndReadBack(refused);

        assertReadAsStored(readExtended, extended);
        assertReadAsStored(readRefused, refused);
        assertThat(readExtended.grant().map(Grant::expiresAt)).contains(at(100));
        assertThat(readExtended.extension().map(e -> e.state())).contains(ExtensionState.APPROVED);
        assertThat(readRefused.extension().flatMap(e -> e.comment())).contains("the change window closes at eleven");
    }

    @Test
    void anEndedAndRevokedWritWithItsPostAccessReviewAnsweredAndAContainedOne() {
        var ended = Writs.active();
        ended.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(40));
        ended.recordRevocation(new Revocation(at(41), at(41).plusNanos(5_000), at(42), 2, null, null));
        ended.answerPostAccessReview("alice", false, "also exported an invoice batch", at(90));
        var contained = Writs.active();
        contained.requestEnd(RevocationReason.CONTAINMENT, "dave", at(20));

        var readEnded = storedAndReadBack(ended);
        var readContained = storedAndReadBack(contained);

        assertReadAsStored(readEnded, ended);
        assertReadAsStored(readContained, contained);
        assertThat(readEnded.state()).isEqualTo(WritState.ENDED);
        assertThat(readEnded.postAccessReview().flatMap(r -> r.usedAsIntended())).contains(false);
        assertThat(readContained.state()).isEqualTo(WritState.CONTAINED);
        assertThat(readContained.grant().flatMap(Grant::revocationReason)).contains(RevocationReason.CONTAINMENT);
    }

    @Test
    void aBreakGlassWritWithItsPostIncidentReview() {
        var writ = ask().ticket(null, null).breakGlass().minutes(30).submit();
        writ.applyPolicy(ApprovalPolicy.autoApproved("approver", 60), at(0));
        writ.recordGrant(at(1), at(1));
        writ.announceBreakGlass(at(1));
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20));
        writ.recordRevocation(new Revocation(at(20), at(20), at(20), 0, null, null));
        writ.requirePostIncidentReview(at(20 + 48 * 60), at(20));
        writ.recordPostIncidentReview("dave", "the outage was real; runbook updated", at(60));

        var read = storedAndReadBack(writ);

        assertReadAsStored(read, writ);
        assertThat(read.breakGlass()).isTrue();
        assertThat(read.ticket()).isEmpty();
        assertThat(read.postIncidentReview().flatMap(r -> r.reviewedBy())).contains("dave");
        assertThat(read.awaitsPostAccessReview()).as("asked, not answered yet").isTrue();
    }

    @Test
    void aWritSavedAfterEachStepOfItsLifeComesBackAsSavedWithItsVersionRaisedByOne() {
        var writ = ask().submit();
        storedAndReadBack(writ);

        var id = writ.id();
        savedAfter(id, w -> w.applyPolicy(ApprovalPolicy.approvals(2, "approver", 240), at(0)));
        savedAfter(id, w -> w.approve(BOB, "on the change plan", at(3)));
        savedAfter(id, w -> w.approve(CAROL, null, at(4)));
        savedAfter(id, w -> w.recordGrant(at(5), at(5)));
        savedAfter(id, w -> w.requestExtension("alice", 30, at(10)));
        savedAfter(id, w -> w.approveExtension(BOB, at(12)));
        savedAfter(id, w -> w.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(20)));
        savedAfter(id, w -> w.recordRevocation(new Revocation(at(21), at(21), at(21), 1, null, null)));
        var done = savedAfter(id, w -> w.answerPostAccessReview("alice", true, null, at(30)));

        assertThat(done.approvals()).extracting(Approval::approver).containsExactly("bob", "carol");
        assertThat(done.postAccessReview().flatMap(r -> r.usedAsIntended())).contains(true);
    }

    // --- storing and reading --------------------------------------------------------------------------------------

    /** Stores the writ in one transaction and reads it back in a fresh EntityManager. */
    @Test
    void aWritRevokedBeforeReceiptsReadsAsNotMeasuredAndItsReceiptInventsNothing() {
        var ended = Writs.active();
        ended.requestEnd(RevocationReason.ENDED_BY_REQUESTER, "alice", at(40));
        ended.recordRevocation(new Revocation(at(41), at(41), at(42), 2, at(42), at(46)));
        storedAndReadBack(ended);
        // As V17 left the rows of writs granted and revoked before it: none of what it added.
        try (var em = jpa.createEntityManager()) {
            em.getTransaction().begin();
            em.createNativeQuery("update writ set grant_measured = null, revocation_measured = null, "
                    + "sessions_logged_out = null, tokens_rejected_from = null, token_residue_until = null "
                    + "where id = ?1").setParameter(1, ended.id()).executeUpdate();
            em.getTransaction().commit();
        }

        var read = readBack(ended.id());
        var grant = read.grant().orElseThrow();
        assertThat(grant.grantMeasured()).isFalse();
        assertThat(grant.revocationMeasured()).isFalse();
        assertThat(grant.sessionsLoggedOut()).isEmpty();
        assertThat(grant.confirmedAbsentAt()).contains(at(41));
        var receipt = io.writ.workflow.receipt.Receipt.of(read, List.of(), List.of(), at(60));
        assertThat(receipt.steps()).filteredOn(step -> !step.measured()).extracting(step -> step.name())
                .containsExactly("role-added", "removed", "tokens-rejected-from", "token-residue-until");
        assertThat(receipt.steps()).filteredOn(step -> !step.measured()).allSatisfy(step ->
                assertThat(step.at()).as(step.name() + ": no time is made up").isEmpty());
        assertThat(receipt.complete()).isFalse();
        assertThat(receipt.flags()).anySatisfy(flag -> assertThat(flag).contains("before receipts"));
    }

    private static Writ storedAndReadBack(Writ writ) {
        try (var em = jpa.createEntityManager()) {
            em.getTransaction().begin();
            em.persist(writ);
            em.getTransaction().commit();
        }
        return readBack(writ.id());
    }

    /**
     * Loads the writ, changes it and commits, as the application does for each step; then reads it back in a fresh
     * EntityManager and checks it is the writ as changed, one version on.
     */
    private static Writ savedAfter(String id, Consumer<Writ> step) {
        Writ changed;
        long versionBefore;
        try (var em = jpa.createEntityManager()) {
            em.getTransaction().begin();
            changed = em.find(Writ.class, id);
            versionBefore = changed.version();
            step.accept(changed);
            em.getTransaction().commit();
        }
        var read = readBack(id);
        assertReadAsStored(read, changed);
        assertThat(read.version()).as("each step is one optimistically locked update").isEqualTo(versionBefore + 1);
        return read;
    }

    private static Writ readBack(String id) {
        try (var em = jpa.createEntityManager()) {
            var read = em.find(Writ.class, id);
            assertThat(read).as("writ " + id + " read back").isNotNull();
            return read;
        }
    }

    private static void assertReadAsStored(Writ read, Writ stored) {
        assertThat(asTheApplicationReadsIt(read)).usingRecursiveComparison()
                .isEqualTo(asTheApplicationReadsIt(stored));
    }

    /**
     * Everything the application reads of a writ: what each of its public methods without arguments answers (the
     * events it gives once excepted: they are not kept, the audit trail keeps them; and its terms, which it answers
     * field by field: an unrestricted scope is kept as no scope at all). A field added to the writ and
     * its accessor but forgotten in the mapping or the migration is found here without changing this test.
     */
    private static Map<String, Object> asTheApplicationReadsIt(Writ writ) {
        var read = new TreeMap<String, Object>();
        for (var method : Writ.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && !method.getName().equals("takeEvents")
                    && !method.getName().equals("terms")) {
                try {
                    read.put(method.getName(), method.invoke(writ));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new AssertionError("cannot read " + method.getName() + " of writ " + writ.id(), e);
                }
            }
        }
        return read;
    }
}
