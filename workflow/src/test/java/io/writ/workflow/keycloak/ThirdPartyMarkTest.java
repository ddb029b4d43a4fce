package io.writ.workflow.keycloak;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThirdPartyMarkTest {

    private final ThirdPartyMark mark = new ThirdPartyMark("third-party");

    @Test
    void theAttributeMarksAThirdPartyAdministrator() {
        assertThat(mark.isOn(Map.of(ThirdPartyMark.ATTRIBUTE, List.of("true")), Set.of())).isTrue();
        assertThat(mark.isOn(Map.of(ThirdPartyMark.ATTRIBUTE, List.of(" TRUE ")), Set.of())).isTrue();
    }

    @Test
    void membershipOfTheConfiguredGroupMarksAThirdPartyAdministrator() {
        assertThat(mark.isOn(null, Set.of("approver", "third-party"))).isTrue();
    }

    @Test
    void anyOtherValueOrGroupDoesNot() {
        assertThat(mark.isOn(Map.of(ThirdPartyMark.ATTRIBUTE, List.of("false")), Set.of("approver"))).isFalse();
        assertThat(mark.isOn(Map.of("other", List.of("true")), Set.of())).isFalse();
        assertThat(mark.isOn(null, Set.of())).isFalse();
    }

    @Test
    void withNoGroupConfiguredOnlyTheAttributeCounts() {
        var attributeOnly = new ThirdPartyMark("");
        assertThat(attributeOnly.isOn(null, Set.of(""))).isFalse();
        assertThat(attributeOnly.isOn(Map.of(ThirdPartyMark.ATTRIBUTE, List.of("true")), Set.of())).isTrue();
    }
}
