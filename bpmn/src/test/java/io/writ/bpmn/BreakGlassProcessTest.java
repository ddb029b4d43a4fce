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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * The break-glass process: granted at once without an approval task, security told, revoked when the window ends
 * or an end is asked for, credentials rotated, then a post-incident review that is escalated when overdue.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "break-glass.bpmn")
class BreakGlassProcessTest {

    private static final Instant BROKEN_AT = Instant.parse("2026-11-28T03:00:00Z");

    ProcessEngine engine;
    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(BROKEN_AT));
        Mocks.register(BEAN_APPLY_BREAK_GLASS_POLICY, (JavaDelegate) e -> done.add("approved at once"));
        Mocks.register(BEAN_GRANT_ACCESS, (JavaDelegate) e -> {
            done.add("granted");
            e.setVariable(VAR_WINDOW_END, Date.from(BROKEN_AT.plus(Duration.ofMinutes(30))));
        });
        Mocks.register(BEAN_NOTIFY_BREAK_GLASS, (JavaDelegate) e -> done.add("security told"));
        Mocks.register(BEAN_END_WINDOW, (JavaDelegate) e -> done.add("window ended"));
        Mocks.register(BEAN_REVOKE_ACCESS, (JavaDelegate) e -> done.add("revoked"));
        Mocks.register(BEAN_ROTATE_TOUCHED_CREDENTIALS, (JavaDelegate) e -> done.add("rotated"));
        Mocks.register(BEAN_OPEN_POST_INCIDENT_REVIEW, (JavaDelegate) e -> {
            done.add("review opened");
            e.setVariable(VAR_REVIEW_DUE, Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(2))));
        });
        Mocks.register(BEAN_ESCALATE_REVIEW, (JavaDelegate) e -> done.add("review escalated"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void grantedAtOnceRevokedWhenTheWindowEndsRotatedThenReviewed() {
        var process = start();
        assertThat(done).containsExactly("approved at once");
        execute(job(process)); // the grant
        assertThat(process).isWaitingAt(GATEWAY_AWAIT_END).hasNotPassed(TASK_DECIDE);
        assertThat(done).containsExactly("approved at once", "granted", "security told");

        ClockUtil.setCurrentTime(Date.from(BROKEN_AT.plus(Duration.ofMinutes(30))));
        execute(job(process)); // the window's timer
        execute(job(process)); // the revocation
        execute(job(process)); // the rotation

        assertThat(process).isWaitingAt(TASK_REVIEW_BREAK_GLASS);
        assertThat(task(process)).hasCandidateGroup("security");
        assertThat(done).containsSequence("window ended", "revoked", "rotated", "review opened");
        complete(task(process));
        assertThat(process).isEnded().hasPassed(END_REVIEWED);
    }

    @Test
    void anEndAskedForRevokesAtOnceAndAnOverdueReviewIsEscalated() {
        var process = start();
        execute(job(process));

        engine.getRuntimeService().createMessageCorrelation(MESSAGE_END_REQUESTED).processInstanceBusinessKey("W-1")
                .correlate();
        execute(job(process)); // the revocation
        execute(job(process)); // the rotation
        assertThat(process).isWaitingAt(TASK_REVIEW_BREAK_GLASS);

        ClockUtil.setCurrentTime(Date.from(BROKEN_AT.plus(Duration.ofDays(3))));
        execute(engine.getManagementService().createJobQuery().processInstanceId(process.getId())
                .activityId(TIMER_REVIEW_OVERDUE).singleResult());

        assertThat(done).contains("review escalated").doesNotContain("window ended");
        assertThat(process).isWaitingAt(TASK_REVIEW_BREAK_GLASS).hasPassed(END_REVIEW_ESCALATED);
    }

    private ProcessInstance start() {
        return engine.getRuntimeService().startProcessInstanceByKey(BREAK_GLASS, "W-1",
                Variables.putValue(VAR_WRIT_ID, "W-1")
                        .putValue(VAR_KEYCLOAK_RETRY_CYCLE, "R2/PT1S")
                        .putValue(VAR_REVIEW_WITHIN, "P2D"));
    }
}
