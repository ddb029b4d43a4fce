package io.writ.workflow.breakglass;

import io.writ.domain.writ.Revocation;
import io.writ.domain.writ.RevocationReason;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritEvent;
import io.writ.domain.writ.Writs;
import io.writ.workflow.breakglass.process.BreakGlassProcess;
import io.writ.workflow.fakes.DemoCatalogue;
import io.writ.workflow.fakes.FakeKeycloak;
import io.writ.workflow.fakes.FakeWrits;
import io.writ.workflow.fakes.Recorded;
import io.writ.workflow.nhi.NhiDesks;
import io.writ.workflow.writ.WritParts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;

import static io.writ.domain.writ.Writs.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Break-glass on fakes: the credentials it touched are rotated only when the directory says they are an NHI's. */
class BreakGlassDeskTest {

    private final Recorded recorded = new Recorded();
    private final FakeKeycloak keycloak = new FakeKeycloak().person("alice", "requester").nhi("ci-deployer", "alice")
            .nhi("backup", "alice").person("service-account-backup-operator", "requester");
    private final DemoCatalogue catalogue = new DemoCatalogue();
    private final FakeWrits writs = WritParts.kept(recorded);
    private final BreakGlassDesk desk = new BreakGlassDesk();

    BreakGlassDeskTest() {
        var clock = Clock.fixed(at(30), ZoneOffset.UTC);
        desk.writs = writs;
        desk.catalogue = catalogue;
        desk.directory = keycloak;
        desk.nhis = NhiDesks.on(keycloak, recorded.audit, clock);
        desk.process = mock(BreakGlassProcess.class);
        desk.settings = new BreakGlassSettings();
        desk.settings.maxMinutes = 60;
        desk.settings.reviewWithin = "P2D";
        desk.clock = clock;
    }

    @Test
    void theSecretOfAnNhiThatBrokeTheGlassIsReplaced() {
        var writ = brokenAndRevoked("service-account-ci-deployer");

        desk.rotateTouchedCredentials(writ.id());

        assertThat(keycloak.secretsRegenerated("ci-deployer")).isEqualTo(1);
        assertThat(recorded.actionsAbout("nhi:ci-deployer")).contains("nhi.secret-rotated");
        assertThat(recorded.actionsAbout(WritEvent.subjectOf(writ.id()))).endsWith("writ.break-glass-credentials");
    }

    @Test
    void aPersonWhoseNameLooksLikeAServiceAccountGetsNoClientsSecretRotated() {
        var writ = brokenAndRevoked("service-account-backup-operator");

        desk.rotateTouchedCredentials(writ.id());

        assertThat(keycloak.secretsRegenerated("backup")).as("client backup is not this person").isZero();
        assertThat(keycloak.secretsRegenerated("backup-operator")).isZero();
        assertThat(recorded.audit.about(WritEvent.subjectOf(writ.id()))).last()
                .satisfies(e -> assertThat(e.detail()).contains("is a person"));
    }

    @Test
    void theGlassIsBrokenForTheEntitlementsOwnShortWindowAtMost() {
        var writ = Writs.ask().ticket(null, null).breakGlass().minutes(30).entitlement("k8s-cluster-admin",
                io.writ.domain.entitlement.RiskTier.CRITICAL).submit();
        writs.save(writ);

        desk.applyPolicy(writ.id());

        assertThat(writ.policy().orElseThrow().maxMinutes()).as("k8s-cluster-admin allows 60, the cap is 60")
                .isEqualTo(60);
        assertThat(recorded.actionsAbout(WritEvent.subjectOf(writ.id()))).endsWith("writ.break-glass");
    }

    /** Broken by its target (a person, or an NHI asking for itself), granted, ended and revoked. */
    private Writ brokenAndRevoked(String target) {
        var ask = Writs.ask().ticket(null, null).breakGlass().justification("production is down, orders fail");
        var writ = (target.equals("service-account-ci-deployer") ? ask.by(target).forNhi(target, "alice")
                : ask.by(target)).submit();
        writs.save(writ);
        desk.applyPolicy(writ.id());
        writ.recordGrant(at(1), at(1));
        writ.requestEnd(RevocationReason.ENDED_BY_REQUESTER, target, at(20));
        writ.recordRevocation(new Revocation(at(21), at(21), at(21), 1, null, null));
        writs.save(writ);
        return writ;
    }
}
