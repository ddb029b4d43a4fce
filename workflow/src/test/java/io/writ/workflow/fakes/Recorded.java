package io.writ.workflow.fakes;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeOutbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The audit trail and the outbox in memory: what was recorded, in the order recorded. */
public final class Recorded {

    public final Audit audit = new Audit();
    public final Outbox outbox = new Outbox();

    /** The audit actions recorded about that subject, in order (for example {@code writ.approved}). */
    public List<String> actionsAbout(String subject) {
        return audit.entries.stream().filter(e -> e.subject().equals(subject)).map(AuditEntry::action).toList();
    }

    /** The notices recorded about that writ, in order. */
    public List<Notice> noticesAbout(String writId) {
        return outbox.about(writId);
    }

    public static final class Audit implements AuditTrail {
        public final List<AuditEntry> entries = new ArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            entries.add(entry);
        }

        @Override
        public void checkpointIfDue() {
        }

        @Override
        public List<AuditEntry> about(String subject) {
            return entries.stream().filter(e -> e.subject().equals(subject)).toList();
        }
    }

    public static final class Outbox implements NoticeOutbox {
        public final List<Notice> notices = new ArrayList<>();

        @Override
        public void record(Notice notice) {
            notices.add(notice);
        }

        @Override
        public Optional<Notice> byId(String id) {
            return notices.stream().filter(n -> n.id().equals(id)).findFirst();
        }

        @Override
        public Set<String> heldAmong(Collection<String> onceKeys) {
            return notices.stream().flatMap(n -> n.onceKey().stream()).filter(onceKeys::contains)
                    .collect(Collectors.toSet());
        }

        @Override
        public List<Notice> due(Instant now, int max) {
            return List.of();
        }

        @Override
        public List<Notice> about(String writId) {
            return notices.stream().filter(n -> writId.equals(n.writId())).toList();
        }

        @Override
        public Backlog backlog() {
            return new Backlog(notices.size(), Optional.empty(), Optional.empty());
        }
    }
}
