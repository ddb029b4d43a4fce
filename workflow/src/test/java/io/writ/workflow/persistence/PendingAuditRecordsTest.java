package io.writ.workflow.persistence;

import io.writ.domain.audit.AuditChain;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.ChainHead;
import io.writ.domain.audit.CheckpointSchedule;
import io.writ.domain.audit.CheckpointSeal;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A transaction's audit entries are chained at its commit, after its other rows, and not at all if it rolls back. */
class PendingAuditRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final TransactionSynchronizationRegistry transaction = mock(TransactionSynchronizationRegistry.class);
    private final EntityManager em = mock(EntityManager.class);
    private final ChainHead head = ChainHead.empty();
    private final PendingAuditRecords pending = new PendingAuditRecords(transaction, em,
            new CheckpointSchedule(1000, Duration.ofDays(1)), CheckpointSeal.of(CheckpointSeal.newKeys()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theHeadIsLockedOnlyAfterEverythingElseIsWrittenAndTheEntriesChainInOrder() {
        when(transaction.getTransactionStatus()).thenReturn(Status.STATUS_ACTIVE);
        when(em.find(ChainHead.class, ChainHead.THE_HEAD, LockModeType.PESSIMISTIC_WRITE)).thenReturn(head);
        pending.add(new AuditEntry(NOW, "alice", "writ.submitted", "writ:1", null));
        pending.add(new AuditEntry(NOW, "system", "writ.policy-applied", "writ:1", "one approval"));
        verifyNoInteractions(em);

        pending.beforeCompletion();

        var order = inOrder(em);
        order.verify(em).flush();
        order.verify(em).find(ChainHead.class, ChainHead.THE_HEAD, LockModeType.PESSIMISTIC_WRITE);
        order.verify(em, times(2)).persist(any(AuditRecord.class));
        order.verify(em).flush();
        assertThat(head.seq()).isEqualTo(2);
        assertThat(head.hash()).isNotEqualTo(AuditChain.GENESIS);
    }

    @Test
    void aTransactionMarkedForRollbackChainsNothing() {
        when(transaction.getTransactionStatus()).thenReturn(Status.STATUS_MARKED_ROLLBACK);
        pending.add(new AuditEntry(NOW, "alice", "writ.submitted", "writ:1", null));

        pending.beforeCompletion();

        verify(em, never()).find(any(), any(), any(LockModeType.class));
        verify(em, never()).persist(any());
        assertThat(head.seq()).isZero();
    }
}
