package io.writ.bpmn;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.writ.bpmn.ProcessModels.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

/**
 * The access review campaign's clock: reviewers are reminded while it runs, and at the deadline the campaign is
 * closed (fail-closed revocations, fail-open escalation) by a step that retries when Keycloak is away.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "access-review-campaign.bpmn")
class AccessReviewCampaignProcessTest {

    private static final Instant STARTED_AT = Instant.parse("2026-11-28T06:00:00Z");
    private static final Instant DEADLINE = STARTED_AT.plus(Duration.ofDays(14));

    ProcessEngine engine;
    private final List<String> done = new ArrayList<>();
    private boolean keycloakAway;

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(STARTED_AT));
        Mocks.register(BEAN_REMIND_REVIEWERS, (JavaDelegate) e -> done.add("reminded " + e.getVariable(VAR_CAMPAIGN_ID)));
        Mocks.register(BEAN_CLOSE_CAMPAIGN_AT_DEADLINE, (JavaDelegate) e -> {
            if (keycloakAway) {
                throw new IllegalStateException("Keycloak is away");
            }
            done.add("closed " + e.getVariable(VAR_CAMPAIGN_ID));
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void remindsWhileRunningThenClosesAtTheDeadline() {
        var process = start();
        assertThat(process).isWaitingAt(TASK_AWAIT_REVIEWS);

        ClockUtil.setCurrentTime(Date.from(STARTED_AT.plus(Duration.ofDays(7))));
        execute(timer(process, TIMER_REMIND_REVIEWERS));
        assertThat(done).containsExactly("reminded C-1");
        assertThat(process).isWaitingAt(TASK_AWAIT_REVIEWS).hasPassed(END_REVIEWERS_REMINDED);

        ClockUtil.setCurrentTime(Date.from(DEADLINE));
        execute(timer(process, TIMER_CAMPAIGN_DEADLINE));
        execute(timer(process, TASK_CLOSE_AT_DEADLINE)); // the asynchronous closing step

        assertThat(done).containsExactly("reminded C-1", "closed C-1");
        assertThat(process).isEnded().hasPassed(END_CAMPAIGN_CLOSED);
    }

    @Test
    void theDeadlineTimerIsDueAtTheCampaignsDeadline() {
        var process = start();

        var deadline = timer(process, TIMER_CAMPAIGN_DEADLINE);

        assertThat(deadline.getDuedate()).isEqualTo(Date.from(DEADLINE));
        assertThat(done).isEmpty();
    }

    @Test
    void closingRetriesWhileKeycloakIsAwayAndEndsInAnIncident() {
        var process = start();
        ClockUtil.setCurrentTime(Date.from(DEADLINE));
        execute(timer(process, TIMER_CAMPAIGN_DEADLINE));
        keycloakAway = true;

        var close = timer(process, TASK_CLOSE_AT_DEADLINE);
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                engine.getManagementService().executeJob(close.getId());
            } catch (IllegalStateException expected) {
                // retried by the engine
            }
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count())
                .isEqualTo(1);
        assertThat(process).isWaitingAt(TASK_CLOSE_AT_DEADLINE);
        assertThat(done).isEmpty();
    }

    /** Nothing signals the wait today; one that did would end the process without closing the campaign. */
    @Test
    void aSignalledWaitEndsWithoutClosingTheCampaign() {
        var process = start();
        var wait = engine.getRuntimeService().createExecutionQuery().processInstanceId(process.getId())
                .activityId(TASK_AWAIT_REVIEWS).singleResult();

        engine.getRuntimeService().signal(wait.getId());

        assertThat(process).isEnded().hasPassed(END_REVIEWS_ENDED).hasNotPassed(TASK_CLOSE_AT_DEADLINE);
        assertThat(done).isEmpty();
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(process.getId()).count())
                .as("reminder and deadline timers are gone").isZero();
    }

    private org.camunda.bpm.engine.runtime.Job timer(ProcessInstance process, String activity) {
        return engine.getManagementService().createJobQuery().processInstanceId(process.getId())
                .activityId(activity).singleResult();
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(ACCESS_REVIEW_CAMPAIGN, "C-1",
                Variables.putValue(VAR_CAMPAIGN_ID, "C-1")
                        .putValue(VAR_CAMPAIGN_DEADLINE, Date.from(DEADLINE))
                        .putValue(VAR_REMIND_AFTER, "P7D")
                        .putValue(VAR_KEYCLOAK_RETRY_CYCLE, "R2/PT1S"));
    }
}
