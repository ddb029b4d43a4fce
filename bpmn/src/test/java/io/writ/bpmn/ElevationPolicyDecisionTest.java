package io.writ.bpmn;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static io.writ.bpmn.ProcessModels.ELEVATION_POLICY;
import static io.writ.bpmn.ProcessModels.POLICY_AUTO_APPROVE;
import static io.writ.bpmn.ProcessModels.POLICY_MAX_MINUTES_CAP;
import static io.writ.bpmn.ProcessModels.POLICY_MIN_APPROVALS;
import static io.writ.bpmn.ProcessModels.POLICY_SPONSOR_REQUIRED;
import static io.writ.bpmn.ProcessModels.VAR_BREAK_GLASS;
import static io.writ.bpmn.ProcessModels.VAR_RISK_TIER;
import static io.writ.bpmn.ProcessModels.VAR_THIRD_PARTY;
import static io.writ.bpmn.ProcessModels.VAR_TICKET_OPEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The elevation policy decision table, rule by rule, on the DMN engine alone. */
class ElevationPolicyDecisionTest {

    private static final List<String> TIERS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    private static DmnEngine dmn;
    private static DmnDecision policy;
    private static final List<String> matchedRules = new ArrayList<>();

    @BeforeAll
    static void parseDecision() throws IOException {
        DmnDecisionTableEvaluationListener recordMatches = event -> {
            matchedRules.clear();
            matchedRules.addAll(matchingRuleIds(event));
        };
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
                .buildEngine();
        try (var model = ElevationPolicyDecisionTest.class.getResourceAsStream("/elevation-policy.dmn")) {
            policy = dmn.parseDecision(ELEVATION_POLICY, model);
        }
    }

    @ParameterizedTest(name = "{4}: {0}, ticket open {1}, third party {2}, break-glass {3}")
    @CsvSource({
            // tier,  ticketOpen, thirdParty, breakGlass, rule,                          approvals, auto,  sponsor, cap
            "HIGH,     true,  true,  false, Rule_ThirdPartyHighOrCritical, 2, false, true,  60",
            "LOW,      true,  true,  false, Rule_ThirdPartyLowOrMedium,    1, false, true,  60",
            "CRITICAL, true,  false, false, Rule_Critical,                 2, false, false, 60",
            "HIGH,     true,  false, false, Rule_High,                     2, false, false, 480",
            "MEDIUM,   true,  false, false, Rule_Medium,                   1, false, false, 480",
            "LOW,      true,  false, false, Rule_LowOnOpenTicket,          1, true,  false, 480",
            "LOW,      false, false, false, Rule_LowWithoutOpenTicket,     1, false, false, 480",
            "LOW,      true,  false, true,  Rule_LowBreakGlass,            1, false, false, 480",
    })
    void eachRuleDecidesAsDocumented(String tier, boolean ticketOpen, boolean thirdParty, boolean breakGlass,
                                     String rule, int approvals, boolean autoApprove, boolean sponsor, int cap) {
        var result = decide(tier, ticketOpen, thirdParty, breakGlass);

        assertThat(matchedRules).containsExactly(rule);
        assertThat(result).containsOnly(
                entry(POLICY_MIN_APPROVALS, approvals),
                entry(POLICY_AUTO_APPROVE, autoApprove),
                entry(POLICY_SPONSOR_REQUIRED, sponsor),
                entry(POLICY_MAX_MINUTES_CAP, cap));
    }

    /** All 32 requests with a known tier: exactly one rule each (UNIQUE would fail on two), with the policy's outcome. */
    @Test
    void everyKnownRequestGetsExactlyThePolicy() {
        for (var tier : TIERS) {
            for (var ticketOpen : List.of(true, false)) {
                for (var thirdParty : List.of(true, false)) {
                    for (var breakGlass : List.of(true, false)) {
                        var result = decide(tier, ticketOpen, thirdParty, breakGlass);

                        boolean twoApprovers = tier.equals("HIGH") || tier.equals("CRITICAL");
                        boolean atOnce = tier.equals("LOW") && ticketOpen && !thirdParty && !breakGlass;
                        boolean shortWindow = thirdParty || tier.equals("CRITICAL");
                        assertThat(matchedRules).as("%s %s %s %s", tier, ticketOpen, thirdParty, breakGlass)
                                .hasSize(1);
                        assertThat(result).as("%s %s %s %s", tier, ticketOpen, thirdParty, breakGlass).containsOnly(
                                entry(POLICY_MIN_APPROVALS, twoApprovers ? 2 : 1),
                                entry(POLICY_AUTO_APPROVE, atOnce),
                                entry(POLICY_SPONSOR_REQUIRED, thirdParty),
                                entry(POLICY_MAX_MINUTES_CAP, shortWindow ? 60 : 480));
                    }
                }
            }
        }
    }

    @Test
    void anUnknownTierMatchesNoRule() {
        var result = dmn.evaluateDecision(policy, request("SEVERE", true, false, false));

        assertThat(result.getResultList()).isEmpty();
    }

    @Test
    void aLowRequestWithAnUnknownTicketStateMatchesNoRule() {
        var facts = request("LOW", true, false, false);
        facts.putValue(VAR_TICKET_OPEN, null);

        assertThat(dmn.evaluateDecision(policy, facts).getResultList()).isEmpty();
    }

    private static DmnDecisionResultEntries decide(String tier, boolean ticketOpen, boolean thirdParty,
                                                   boolean breakGlass) {
        return dmn.evaluateDecision(policy, request(tier, ticketOpen, thirdParty, breakGlass)).getSingleResult();
    }

    private static VariableMap request(String tier, Boolean ticketOpen, Boolean thirdParty, Boolean breakGlass) {
        return Variables.createVariables()
                .putValue(VAR_RISK_TIER, tier)
                .putValue(VAR_TICKET_OPEN, ticketOpen)
                .putValue(VAR_THIRD_PARTY, thirdParty)
                .putValue(VAR_BREAK_GLASS, breakGlass);
    }

    private static List<String> matchingRuleIds(DmnDecisionTableEvaluationEvent event) {
        return event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).toList();
    }
}
