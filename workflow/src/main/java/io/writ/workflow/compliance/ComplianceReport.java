package io.writ.workflow.compliance;

import io.writ.domain.audit.Checkpoint;
import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.EvidencePeriod;
import io.writ.domain.compliance.FrameworkCatalogue;
import io.writ.domain.compliance.FrameworkControl;
import io.writ.domain.compliance.MappingEntry;
import io.writ.domain.compliance.MappingVersion;
import io.writ.domain.compliance.PortalControl;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything an export says, read once: the period, the catalogue, the mapping version in force, every evidence
 * figure with its records, and the latest signed checkpoint of the audit trail with the public key that checks it.
 */
public record ComplianceReport(EvidencePeriod period, Instant generatedAt, String generatedBy,
                               FrameworkCatalogue catalogue, MappingVersion mapping, List<EvidenceFigure> figures,
                               boolean auditIntact, String auditSummary, Optional<Checkpoint> checkpoint,
                               String publicKeyPem) {

    public ComplianceReport {
        figures = List.copyOf(figures);
    }

    public List<EvidenceFigure> figuresOf(PortalControl control) {
        return figures.stream().filter(f -> f.control() == control).toList();
    }

    /** One framework control with the mapping entries covering it (none: a gap). */
    public record Coverage(FrameworkControl control, List<MappingEntry> coveredBy) {
        public boolean gap() {
            return coveredBy.isEmpty();
        }
    }

    public List<Coverage> coverage(String framework) {
        return catalogue.framework(framework).orElseThrow().controls().stream()
                .map(c -> new Coverage(c, mapping.covering(framework, c.id()))).toList();
    }

    public Optional<FrameworkControl> control(MappingEntry e) {
        return catalogue.control(e.framework(), e.controlId());
    }
}
