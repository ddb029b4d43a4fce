package io.writ.domain.writ;

import io.writ.domain.entitlement.SessionCoverage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCoverageTest {

    @Test
    void aWritIsCoveredAsItsEntitlement() {
        assertThat(Writs.ask().coverage(SessionCoverage.LIGHT).submit().sessionCoverage())
                .contains(SessionCoverage.LIGHT);
    }

    @Test
    void aThirdPartyAdministratorIsAlwaysCoveredInFull() {
        assertThat(Writs.ask().coverage(SessionCoverage.LIGHT).thirdParty().submit().sessionCoverage())
                .contains(SessionCoverage.FULL);
    }

    @Test
    void everythingDoneUnderBrokenGlassIsCoveredInFull() {
        assertThat(Writs.ask().coverage(SessionCoverage.LIGHT).ticket(null, null).breakGlass().submit()
                .sessionCoverage()).contains(SessionCoverage.FULL);
    }

    @Test
    void riskierEntitlementsAreCoveredInFullByDefault() {
        assertThat(SessionCoverage.defaultFor(io.writ.domain.entitlement.RiskTier.CRITICAL)).isEqualTo(SessionCoverage.FULL);
        assertThat(SessionCoverage.defaultFor(io.writ.domain.entitlement.RiskTier.LOW)).isEqualTo(SessionCoverage.LIGHT);
    }
}
