package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.audit.ChainedRecord;
import io.writ.domain.audit.Checkpoint;
import io.writ.domain.audit.Verdict;
import io.writ.workflow.audit.AuditDesk;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Security and compliance verify the audit trail's chain and page through its latest records. */
@Named
@ViewScoped
public class VerifyAuditTrail implements Serializable {

    /** What the last verification on this page found. */
    public record Outcome(boolean valid, long records, int checkpointsChecked, String lastCheckpoint,
                          Long brokenSeq, Long brokenId, String problem, String detail) implements Serializable {

        static Outcome of(Verdict v) {
            var broken = v.firstBroken();
            return new Outcome(v.valid(), v.records(), v.checkpointsChecked(),
                    v.lastCheckpoint().map(VerifyAuditTrail::describe).orElse(null),
                    broken.map(b -> b.seq()).orElse(null), broken.map(b -> b.recordId()).orElse(null),
                    broken.map(b -> b.flaw().name()).orElse(null), broken.map(b -> b.explanation()).orElse(null));
        }
    }

    /** One record as the table shows it. */
    public record Row(long seq, String at, String actor, String action, String subject, String detail, String hash)
            implements Serializable {

        static Row of(ChainedRecord r) {
            var e = r.entry();
            return new Row(r.seq(), UtcTime.seconds(e.at()), e.actor(), e.action(), e.subject(), e.detail(),
                    r.hash() == null ? "" : r.hash().substring(0, Math.min(12, r.hash().length())));
        }
    }

    /** The newest records first, a page at a time: the trail may hold millions. */
    static final class NewestRecords extends LazyDataModel<Row> {

        private final AuditDesk desk;

        NewestRecords(AuditDesk desk) {
            this.desk = desk;
        }

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, desk.size());
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return desk.newest(first, pageSize).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return Long.toString(row.seq());
        }
    }

    @Inject AuditDesk desk;
    @Inject transient SecurityContext security;

    private NewestRecords records;
    private String latestCheckpoint;
    private Outcome outcome;

    @PostConstruct
    void load() {
        records = new NewestRecords(desk);
        latestCheckpoint = desk.latestCheckpoints(1).stream().findFirst().map(VerifyAuditTrail::describe).orElse(null);
    }

    public void verify() {
        outcome = Outcome.of(desk.verify(security.getCallerPrincipal().getName()));
    }

    private static String describe(Checkpoint c) {
        return "record " + c.seq() + ", signed " + UtcTime.seconds(c.at());
    }

    public LazyDataModel<Row> getRecords() { return records; }
    public String getLatestCheckpoint() { return latestCheckpoint; }
    public Outcome getOutcome() { return outcome; }
}
