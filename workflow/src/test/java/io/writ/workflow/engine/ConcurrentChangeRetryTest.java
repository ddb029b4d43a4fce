package io.writ.workflow.engine;

import io.writ.domain.ConcurrentChange;
import io.writ.domain.writ.WritState;
import io.writ.domain.writ.WritStateConflict;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which failures mean that another action changed the same writ first, and what is then done again. */
class ConcurrentChangeRetryTest {

    private final ConcurrentChangeRetry retry = new ConcurrentChangeRetry();
    private final InvocationContext call = mock(InvocationContext.class);

    ConcurrentChangeRetryTest() throws Exception {
        retry.transactions = mock(TransactionSynchronizationRegistry.class);
        when(retry.transactions.getTransactionStatus()).thenReturn(Status.STATUS_NO_TRANSACTION);
        when(call.getMethod()).thenReturn(Object.class.getMethod("toString"));
    }

    @Test
    void theEnginesAndTheDatabasesRefusalsOfASecondChangeAreConcurrentChangesWhereverTheyAreWrapped() {
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new ProcessEngineException("ENGINE-03005",
                new OptimisticLockingException("updated by another transaction concurrently")))).isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new TransactionalException("commit failed",
                new RollbackException("marked for rollback") {{ initCause(new OptimisticLockException("writ")); }})))
                .isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new SQLException("deadlock", "40P01"))).isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new SQLException("could not serialize", "40001"))).isTrue();
    }

    @Test
    void theSecondOfTwoInsertsOfOneDecisionOrVariableIsAConcurrentChangeButAnyOtherDuplicateIsNot() {
        var h2 = new BatchUpdateException("Unique index or primary key violation: \"PUBLIC.WRIT_APPROVAL_ORDER_INDEX_9 "
                + "ON PUBLIC.WRIT_APPROVAL(WRIT_ID, SEQ_NO)\"", "23505", new int[0]);
        var postgresql = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        postgresql.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"writ_approval_once_per_person\"", "23505"));
        var sameVariable = new SQLException("current transaction is aborted, commands ignored until end of transaction "
                + "block", "25P02", new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"act_uniq_variable\"", "23505"));
        var otherDuplicate = new SQLException("duplicate key value violates unique constraint \"ticket_pkey\"", "23505");

        assertThat(ConcurrentChangeRetry.isConcurrentChange(new RuntimeException(h2))).isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new RuntimeException(postgresql))).isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new ProcessEngineException("persistence", sameVariable)))
                .as("two completions of one task on PostgreSQL").isTrue();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new RuntimeException(otherDuplicate))).isFalse();
        assertThat(ConcurrentChangeRetry.isConcurrentChange(new WritStateConflict(WritState.APPROVED, "x"))).isFalse();
    }

    @Test
    void anActionThatMetAnotherIsDoneAgainUntilItGoesThrough() throws Exception {
        when(call.proceed()).thenThrow(new ProcessEngineException(new OptimisticLockingException("first")))
                .thenThrow(new ProcessEngineException(new OptimisticLockingException("second")))
                .thenReturn("the writ as it now stands");

        assertThat(retry.retry(call)).isEqualTo("the writ as it now stands");
        verify(call, times(3)).proceed();
    }

    @Test
    void whatTheWritSaysOnceDoneAgainIsTheAnswerAndIsNotTriedAgain() throws Exception {
        var conflict = new WritStateConflict(WritState.APPROVED, "writ w-1 is APPROVED and awaits no decision");
        when(call.proceed()).thenThrow(new ProcessEngineException(new OptimisticLockingException("met")))
                .thenThrow(conflict);

        assertThatThrownBy(() -> retry.retry(call)).isSameAs(conflict);
        verify(call, times(2)).proceed();
    }

    @Test
    void afterEightMeetingsInARowNothingIsChangedAndTheCallerIsToldToTryAgain() throws Exception {
        when(call.proceed()).thenThrow(new ProcessEngineException(new OptimisticLockingException("met again")));

        assertThatThrownBy(() -> retry.retry(call)).isInstanceOf(ConcurrentChange.class)
                .hasMessageContaining("try again");
        verify(call, times(ConcurrentChangeRetry.ATTEMPTS)).proceed();
    }

    @Test
    void insideAnotherActionsTransactionTheOutermostDoesItAgainNotThisOne() throws Exception {
        when(retry.transactions.getTransactionStatus()).thenReturn(Status.STATUS_ACTIVE);
        var met = new ProcessEngineException(new OptimisticLockingException("met"));
        when(call.proceed()).thenThrow(met);

        assertThatThrownBy(() -> retry.retry(call)).isSameAs(met);
        verify(call, times(1)).proceed();
    }
}
