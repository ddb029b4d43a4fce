package io.writ.workflow.compliance;

import io.writ.domain.review.ReviewCampaignRepository;
import io.writ.domain.review.ReviewTimeliness;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.domain.alert.AlertRepository;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.compliance.EvidenceFigures;
import io.writ.domain.compliance.EvidencePeriod;
import io.writ.domain.compliance.FrameworkCatalogue;
import io.writ.domain.compliance.MappingEntry;
import io.writ.domain.compliance.MappingRepository;
import io.writ.domain.compliance.MappingVersion;
import io.writ.domain.compliance.PortalControl;
import io.writ.domain.Conflict;
import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.session.SessionRepository;
import io.writ.domain.receipt.CorroborationRepository;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.WritRepository;
import io.writ.workflow.audit.AuditDesk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The compliance officer's desk: the catalogue, the mapping and its versions, edits (each a new version, recorded
 * in the audit trail), and the live evidence for a period.
 */
@ApplicationScoped
@Transactional
public class ComplianceDesk {

    private static final Logger LOG = Logger.getLogger(ComplianceDesk.class.getName());

    /** The subject of audit records about the mapping. */
    public static final String THE_MAPPING = "mapping:frameworks";

    private final FrameworkCatalogue catalogue = CatalogueFiles.catalogue();

    @Inject
    MappingRepository mappings;

    @Inject
    WritRepository writs;

    @Inject
    AlertRepository alerts;

    @Inject
    SessionRepository sessions;

    @Inject
    AuditTrail audit;

    @Inject
    AuditDesk auditDesk;

    @Inject
    NhiDesk nhis;

    @Inject
    ReviewCampaignRepository campaigns;

    @Inject
    CorroborationRepository corroborations;

    Clock clock = Clock.systemUTC();

    public FrameworkCatalogue catalogue() {
        return catalogue;
    }

    /** The mapping in force; the first call keeps version 1 from the repository's data file. */
    public MappingVersion currentMapping() {
        return mappings.latest().orElseGet(() -> {
            var first = MappingVersion.initial(CatalogueFiles.initialMapping(catalogue), CatalogueFiles.MAPPING_FILE,
                    clock.instant());
            if (!mappings.add(first)) {
                return mappings.latest().orElseThrow();
            }
            audit.record(new AuditEntry(first.createdAt(), AuditEntry.SYSTEM, "mapping.created", THE_MAPPING,
                    "version 1: " + first.entries().size() + " entries from " + CatalogueFiles.MAPPING_FILE));
            return first;
        });
    }

    public List<MappingVersion> history() {
        currentMapping();
        return mappings.history();
    }

    public MappingVersion version(int number) {
        return mappings.number(number).orElseThrow(() -> new NotFound("no mapping version " + number));
    }

    /** Adds a mapping entry, or replaces the one for the same pair of controls: a new version. */
    public MappingVersion put(String by, String control, String framework, String controlId, String relationship,
                              String rationale, String note) {
        var entry = MappingEntry.of(control, framework, controlId, relationship, rationale, note, catalogue);
        var current = currentMapping();
        return keep(current.with(entry, by, clock.instant()), current);
    }

    /** Removes the mapping entry for this pair of controls: a new version. */
    public MappingVersion remove(String by, String control, String framework, String controlId) {
        PortalControl portalControl;
        try {
            portalControl = PortalControl.valueOf(control == null ? "" : control.strip());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequest(List.of(new FieldError("portalControl", "not a portal control: '" + control + "'")));
        }
        var current = currentMapping();
        return keep(current.without(portalControl, framework, controlId, by, clock.instant()), current);
    }

    private MappingVersion keep(MappingVersion next, MappingVersion current) {
        if (!mappings.add(next)) {
            throw new Conflict("the mapping was changed meanwhile (version " + current.number() + " is no longer the "
                    + "latest); reload and edit again");
        }
        audit.record(new AuditEntry(next.createdAt(), next.createdBy(), "mapping.revised", THE_MAPPING,
                "version " + next.number() + ": " + next.change()));
        LOG.info(() -> "Mapping version " + next.number() + " by " + next.createdBy() + ": " + next.change());
        return next;
    }

    /**
     * The evidence of every portal control for the period, read now from what Writ keeps: the writs, alerts and
     * sessions of the period, the NHI inventory, and the audit chain verified from its latest signed checkpoint on
     * (a full verification is the audit trail's page, and is itself audited).
     */
    public ComplianceReport report(EvidencePeriod period, String by) {
        var verdict = auditDesk.verifiedSinceLastCheckpoint();
        var now = clock.instant();
        var periodWrits = writs.submittedBetween(period.from(), period.to());
        var figures = EvidenceFigures.compute(period, periodWrits,
                alerts.raisedBetween(period.from(), period.to()), sessions.startedBetween(period.from(), period.to()),
                campaigns.timeliness(period.from(), period.to(), now, ReviewTimeliness.LISTED_AT_MOST),
                nhis.standing(), verdict, corroborations.ofAll(periodWrits.stream().map(Writ::id).toList()), now);
        return new ComplianceReport(period, now, by, catalogue, currentMapping(), figures, verdict.valid(),
                verdict.summary(), verdict.lastCheckpoint(), auditDesk.publicSeal().publicKeyPem());
    }

    /** The writs submitted in the period that were granted: those with a receipt. */
    public List<Writ> grantedWritsOf(EvidencePeriod period) {
        return writs.submittedBetween(period.from(), period.to()).stream().filter(w -> w.grant().isPresent()).toList();
    }

    /** Records that someone exported the report, in which format. */
    public void recordExport(ComplianceReport report, String format) {
        audit.record(new AuditEntry(clock.instant(), report.generatedBy(), "compliance.exported", THE_MAPPING,
                format + " export of " + report.period().from() + " – " + report.period().to() + ", mapping version "
                        + report.mapping().number() + ", " + report.figures().size() + " figures"));
    }
}
