package io.writ.domain.writ;

import io.writ.domain.entitlement.SessionCoverage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCoverageTest {

    @Test
    void aWritIsCoveredAsItsEntitlement() {
        var w = Writs.ask().submit();
        w.coverSessions(SessionCoverage.LIGHT);
        assertThat(w.sessionCoverage()).contains(SessionCoverage.LIGHT);
    }

    @Test
    void aThirdPartyAdministratorIsAlwaysCoveredInFull() {
        var w = Writs.ask().thirdParty().submit();
        w.coverSessions(SessionCoverage.LIGHT);
        assertThat(w.sessionCoverage()).contains(SessionCoverage.FULL);
    }

    @Test
    void riskierEntitlementsAreCoveredInFullByDefault() {
        assertThat(SessionCoverage.defaultFor(io.writ.domain.entitlement.RiskTier.CRITICAL)).isEqualTo(SessionCoverage.FULL);
        assertThat(SessionCoverage.defaultFor(io.writ.domain.entitlement.RiskTier.LOW)).isEqualTo(SessionCoverage.LIGHT);
    }
}
