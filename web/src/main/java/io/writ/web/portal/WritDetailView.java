package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.audit.AuditEntry;
import io.writ.domain.writ.Approval;
import io.writ.domain.writ.Grant;
import io.writ.workflow.writ.WritDossier;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One writ as its detail page shows it, read once when the page is built (times in UTC, ready to print). */
public record WritDetailView(WritSummary writ, List<Decision> decisions, List<Event> timeline, Times grant,
                             Diagram diagram, String stepUp, String requesterSignIn) implements Serializable {

    /** One approver's decision, with how they had signed in to make it. */
    public record Decision(String approver, String decision, String comment, String at, String signIn)
            implements Serializable {
        static Decision of(Approval a) {
            return new Decision(a.approver(), a.decision().name(), a.comment(), UtcTime.minutes(a.at()),
                    a.signIn().describe());
        }
    }

    /** One entry of the writ's audit trail, its action in words ("writ.policy-applied" is "Policy applied"). */
    public record Event(String at, String atIso, String actor, String what, String detail) implements Serializable {
        static Event of(AuditEntry e) {
            var words = e.action().replaceFirst("^writ\\.", "").replace('-', ' ');
            return new Event(UtcTime.minutes(e.at()), e.at().toString(), e.actor(),
                    words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1), e.detail());
        }
    }

    /** What was done in Keycloak and when; absent steps are null. */
    public record Times(String grantedAt, String expiresAt, String expiresAtIso, String endRequestedAt,
                        String reason, String confirmedAbsentAt, String sessionsLoggedOutAt, String keptBy)
            implements Serializable {
        static Times of(Grant g) {
            return new Times(UtcTime.minutes(g.grantedAt()), UtcTime.minutes(g.expiresAt()),
                    g.expiresAt().toString(), g.endRequestedAt().map(Times::seconds).orElse(null),
                    g.revocationReason().map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse(null),
                    g.confirmedAbsentAt().map(Times::seconds).orElse(null),
                    g.sessionsLoggedOutAt().map(Times::seconds).orElse(null),
                    g.keptByWrit().map(other -> "writ " + other + " keeps it until "
                            + g.keptUntil().map(Times::seconds).orElse("?")).orElse(null));
        }

        private static String seconds(Instant at) {
            return at.toString().replaceFirst("\\.\\d+Z$", "Z");
        }
    }

    /** The process diagram: the model, the element ids to mark (comma-separated) and the step in words. */
    public record Diagram(String bpmnXml, String active, String completed, String currentStep) implements Serializable {
    }

    static WritDetailView of(WritDossier dossier) {
        var w = dossier.writ();
        var d = dossier.diagram();
        return new WritDetailView(WritSummary.of(w), w.approvals().stream().map(Decision::of).toList(),
                dossier.trail().stream().map(Event::of).toList(), w.grant().map(Times::of).orElse(null),
                new Diagram(d.bpmnXml(), String.join(",", d.active()), String.join(",", d.completed()),
                        d.currentStep()),
                w.stepUp().map(s -> s.describe() + ", to ask and to decide").orElse("none"),
                w.terms().requesterSignIn().describe());
    }
}
