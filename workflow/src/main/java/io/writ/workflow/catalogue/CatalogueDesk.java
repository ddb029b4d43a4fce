package io.writ.workflow.catalogue;

import io.writ.domain.FieldError;
import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.entitlement.SessionCoverage;
import io.writ.domain.stepup.StepUp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Administrators add entitlements to the catalogue and revise their policy; every change is audited. */
@ApplicationScoped
@Transactional
public class CatalogueDesk {

    @Inject
    EntitlementCatalogue catalogue;

    @Inject
    AuditTrail audit;

    Clock clock = Clock.systemUTC();

    public Entitlement add(EntitlementForm form, String by) {
        var problems = new ArrayList<FieldError>();
        var kind = parse(EntitlementKind.class, form.kind(), "kind", problems);
        var tier = parse(RiskTier.class, form.riskTier(), "riskTier", problems);
        var coverage = parse(SessionCoverage.class, form.coverage(), "coverage", problems);
        var failureMode = parse(io.writ.domain.entitlement.ReviewFailureMode.class, form.reviewFailureMode(),
                "reviewFailureMode", problems);
        if (form.name() != null && catalogue.named(form.name().strip()).isPresent()) {
            problems.add(new FieldError("name", "entitlement " + form.name() + " is already in the catalogue"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        var entitlement = new Entitlement(form.name(), kind, form.clientId(), tier, number(form.maxMinutes()),
                number(form.approvalsRequired()), form.approverGroup(), number(form.reviewCadenceDays()), form.owner());
        if (coverage != null) {
            entitlement.coverSessions(coverage);
        }
        if (failureMode != null) {
            entitlement.failReviewsBy(failureMode);
        }
        if (form.stepUpMinutes() != null) {
            entitlement.requireStepUp(form.stepUpMinutes());
        }
        catalogue.add(entitlement);
        audit.record(new AuditEntry(clock.instant(), by, "entitlement.added", "entitlement:" + entitlement.name(),
                describe(entitlement)));
        return entitlement;
    }

    public Entitlement revise(String name, EntitlementForm form, String by) {
        var entitlement = catalogue.named(name).orElseThrow(() -> new NotFound("no entitlement " + name));
        var problems = new ArrayList<FieldError>();
        var tier = parse(RiskTier.class, form.riskTier(), "riskTier", problems);
        var coverage = parse(SessionCoverage.class, form.coverage(), "coverage", problems);
        var failureMode = parse(io.writ.domain.entitlement.ReviewFailureMode.class, form.reviewFailureMode(),
                "reviewFailureMode", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        var before = describe(entitlement);
        entitlement.revise(tier, number(form.maxMinutes()), number(form.approvalsRequired()), form.approverGroup(),
                number(form.reviewCadenceDays()), form.owner());
        if (coverage != null) {
            entitlement.coverSessions(coverage);
        }
        if (failureMode != null) {
            entitlement.failReviewsBy(failureMode);
        }
        if (form.stepUpMinutes() != null) {
            entitlement.requireStepUp(form.stepUpMinutes());
        }
        audit.record(new AuditEntry(clock.instant(), by, "entitlement.revised", "entitlement:" + name,
                before + " → " + describe(entitlement)));
        return entitlement;
    }

    public List<Entitlement> all() {
        return catalogue.all();
    }

    private static String describe(Entitlement e) {
        return e.kind() + " " + e.name() + ", " + e.riskTier() + ", at most " + e.maxMinutes() + " min, "
                + e.approvalsRequired() + " approval(s) from " + e.approverGroup() + ", reviewed every "
                + e.reviewCadenceDays() + " days, owner " + e.owner() + ", sessions covered " + e.coverage()
                + ", missed reviews " + e.reviewFailureMode() + ", step-up "
                + e.stepUp().map(StepUp::describe).orElse("none");
    }

    private static int number(Integer value) {
        return value == null ? 0 : value; // 0 is refused by the entitlement with a field error
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> problems) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
