package io.writ.workflow.compliance;

import gov.nist.secauto.metaschema.binding.io.Format;
import gov.nist.secauto.metaschema.model.common.datatype.markup.MarkupLine;
import gov.nist.secauto.metaschema.model.common.datatype.markup.MarkupMultiline;
import gov.nist.secauto.metaschema.model.common.validation.IValidationResult;
import gov.nist.secauto.metaschema.model.common.validation.JsonSchemaContentValidator;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.AssessmentResults;
import gov.nist.secauto.oscal.lib.model.BackMatter;
import gov.nist.secauto.oscal.lib.model.Finding;
import gov.nist.secauto.oscal.lib.model.FindingTarget;
import gov.nist.secauto.oscal.lib.model.ImportAp;
import gov.nist.secauto.oscal.lib.model.Metadata;
import gov.nist.secauto.oscal.lib.model.Observation;
import gov.nist.secauto.oscal.lib.model.Property;
import gov.nist.secauto.oscal.lib.model.Result;
import gov.nist.secauto.oscal.lib.model.ReviewedControls;
import gov.nist.secauto.oscal.lib.model.SelectControlById;
import io.writ.domain.compliance.EvidenceFigure;
import io.writ.domain.compliance.MappingEntry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The evidence as OSCAL 1.1.2 assessment results, built with NIST's liboscal-java binding classes and checked
 * against OSCAL's JSON schema (shipped in liboscal-java) before it is sent: one result for the period, one
 * observation per evidence figure (its records as relevant evidence), one finding per mapping entry (satisfied when
 * the portal control's figures show no exception).
 *
 * <p>NIST publishes OSCAL catalogs for CSF 2.0 and SP 800-53, so their ids are OSCAL control ids as they are. The
 * other frameworks' ids ({@code NHI7:2025}, {@code 5.1}) are not OSCAL tokens: they become
 * {@code <framework>_<id>} tokens, and each finding carries the official id unchanged in a {@code control-id} prop.
 */
public final class OscalReport {

    public static final String OSCAL_VERSION = "1.1.2";
    static final URI NS = URI.create("https://writ.io/ns/oscal");
    private static final String SCHEMA = "schema/json/oscal-ar_schema.json";
    private static volatile JsonSchemaContentValidator validator;

    private OscalReport() {
    }

    static void write(ComplianceReport r, OutputStream out) throws IOException {
        var json = new ByteArrayOutputStream();
        OscalBindingContext.instance().newSerializer(Format.JSON, AssessmentResults.class).serialize(build(r), json);
        var bytes = json.toByteArray();
        var result = validate(new ByteArrayInputStream(bytes));
        if (!result.isPassing()) {
            throw new IllegalStateException("the OSCAL assessment results do not validate: " + result.getFindings()
                    .stream().map(f -> String.valueOf(f.getMessage())).collect(Collectors.joining("; ")));
        }
        out.write(bytes);
    }

    /** Validates OSCAL assessment results (JSON) against OSCAL's own JSON schema, as liboscal-java ships it. */
    public static IValidationResult validate(InputStream json) throws IOException {
        var v = validator;
        if (v == null) {
            try (var schema = OscalBindingContext.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                if (schema == null) {
                    throw new IllegalStateException(SCHEMA + " is missing from liboscal-java");
                }
                v = new JsonSchemaContentValidator(schema);
                validator = v;
            }
        }
        return v.validate(JsonSchemaContentValidator.toJsonObject(json), URI.create("urn:writ:assessment-results"));
    }

    static AssessmentResults build(ComplianceReport r) {
        var ar = new AssessmentResults();
        ar.setUuid(UUID.randomUUID());
        var metadata = new Metadata();
        metadata.setTitle(MarkupLine.fromMarkdown("Writ privileged-access evidence, " + r.period().from() + " to "
                + r.period().to()));
        metadata.setLastModified(utc(r.generatedAt()));
        metadata.setVersion("mapping-" + r.mapping().number());
        metadata.setOscalVersion(OSCAL_VERSION);
        metadata.setProps(List.of(prop("generated-by", r.generatedBy())));
        ar.setMetadata(metadata);

        // No separate assessment plan exists: the mapping is the plan; the back-matter resource says so.
        var plan = new BackMatter.Resource();
        plan.setUuid(UUID.randomUUID());
        plan.setTitle(MarkupLine.fromMarkdown("Writ control mapping, version " + r.mapping().number()));
        plan.setDescription(MarkupMultiline.fromMarkdown("The portal's controls mapped to framework controls; "
                + "Writ keeps no separate assessment plan. Exported by GET /api/v1/exports/frameworks?format=csv."));
        var back = new BackMatter();
        back.setResources(List.of(plan));
        ar.setBackMatter(back);
        var importAp = new ImportAp();
        importAp.setHref(URI.create("#" + plan.getUuid()));
        ar.setImportAp(importAp);

        var result = new Result();
        result.setUuid(UUID.randomUUID());
        result.setTitle(MarkupLine.fromMarkdown("Live evidence of the portal's controls"));
        result.setDescription(MarkupMultiline.fromMarkdown("Figures computed from the writs, alerts and sessions of "
                + "the period and the audit chain as verified at " + r.generatedAt() + ". Audit chain: "
                + r.auditSummary()));
        result.setStart(utc(r.period().from()));
        result.setEnd(utc(r.period().to()));

        var observationOf = new HashMap<String, UUID>();
        var observations = new ArrayList<Observation>();
        for (var f : r.figures()) {
            var o = observation(f, r);
            observationOf.put(f.key(), o.getUuid());
            observations.add(o);
        }
        result.setObservations(observations);

        var controls = new LinkedHashSet<String>();
        var findings = new ArrayList<Finding>();
        for (var e : r.mapping().entries()) {
            var id = controlId(e.framework(), e.controlId());
            controls.add(id);
            findings.add(finding(e, id, r, observationOf));
        }
        var selection = new ReviewedControls.ControlSelection();
        selection.setIncludeControls(controls.stream().map(id -> {
            var s = new SelectControlById();
            s.setControlId(id);
            return s;
        }).toList());
        var reviewed = new ReviewedControls();
        reviewed.setControlSelections(List.of(selection));
        result.setReviewedControls(reviewed);
        result.setFindings(findings);
        ar.setResults(List.of(result));
        return ar;
    }

    private static Observation observation(EvidenceFigure f, ComplianceReport r) {
        var o = new Observation();
        o.setUuid(UUID.randomUUID());
        o.setTitle(MarkupLine.fromMarkdown(f.name()));
        o.setDescription(MarkupMultiline.fromMarkdown(f.shown() + ". " + f.definition() + "."));
        o.setMethods(List.of("TEST"));
        o.setCollected(utc(r.generatedAt()));
        var props = new ArrayList<Property>();
        props.add(prop("figure", f.key()));
        props.add(prop("portal-control", f.control().name()));
        props.add(prop("unit", f.unit()));
        f.value().ifPresent(v -> props.add(prop("value", String.valueOf(v))));
        if (!f.sourced()) {
            props.add(prop("evidence-source", "none-yet"));
        }
        o.setProps(props);
        if (!f.records().isEmpty()) {
            o.setRelevantEvidence(f.records().stream().map(x -> {
                var ev = new Observation.RelevantEvidence();
                ev.setDescription(MarkupMultiline.fromMarkdown(x.kind() + " " + x.id() + ": " + x.detail()
                        + (x.passes() ? "" : " (exception)")));
                ev.setProps(List.of(prop("record", x.kind() + ":" + x.id())));
                return ev;
            }).toList());
        }
        return o;
    }

    private static Finding finding(MappingEntry e, String targetId, ComplianceReport r,
                                   java.util.Map<String, UUID> observationOf) {
        var figures = r.figuresOf(e.control());
        boolean noSource = figures.stream().noneMatch(EvidenceFigure::sourced);
        boolean failing = figures.stream().anyMatch(f -> !f.exceptions().isEmpty()
                || (f.key().equals("audit-chain-intact") && f.value().orElse(0.0) < 1));
        var f = new Finding();
        f.setUuid(UUID.randomUUID());
        f.setTitle(MarkupLine.fromMarkdown(e.framework() + " " + e.controlId() + " by " + e.control().title()));
        f.setDescription(MarkupMultiline.fromMarkdown(e.rationale()
                + e.note().map(n -> "\n\nNote: " + n).orElse("")));
        var target = new FindingTarget();
        target.setType("objective-id");
        target.setTargetId(targetId);
        var status = new FindingTarget.Status();
        status.setState(failing || noSource ? "not-satisfied" : "satisfied");
        status.setReason(failing ? "fail" : noSource ? "other" : "pass");
        if (noSource) {
            status.setRemarks(MarkupMultiline.fromMarkdown(EvidenceFigure.NO_SOURCE));
        }
        target.setStatus(status);
        target.setProps(List.of(prop("framework", e.framework()), prop("control-id", e.controlId()),
                prop("relationship", e.relationship().term())));
        f.setTarget(target);
        f.setRelatedObservations(figures.stream().map(fig -> {
            var ro = new Finding.RelatedObservation();
            ro.setObservationUuid(observationOf.get(fig.key()));
            return ro;
        }).toList());
        return f;
    }

    /** The OSCAL control id: NIST's own for CSF 2.0 and SP 800-53, a token made of framework and id otherwise. */
    static String controlId(String framework, String id) {
        if (framework.equals("NIST-CSF-2.0") || framework.equals("NIST-800-53-R5")) {
            return id;
        }
        return (framework + "_" + id).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    }

    private static Property prop(String name, String value) {
        var p = new Property();
        p.setName(name);
        p.setNs(NS);
        p.setValue(value == null || value.isEmpty() ? "-" : value);
        return p;
    }

    private static ZonedDateTime utc(java.time.Instant at) {
        return at.atZone(ZoneOffset.UTC);
    }
}
