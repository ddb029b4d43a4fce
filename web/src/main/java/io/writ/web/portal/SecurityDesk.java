package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.alert.TriageOutcome;
import io.writ.domain.bastion.LoginRefusal;
import io.writ.workflow.bastion.BastionDesk;
import io.writ.workflow.breakglass.BreakGlassDesk;
import io.writ.workflow.containment.AlertDesk;
import io.writ.workflow.sessions.SessionEvidence;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A security analyst works the alert queue (contain, triage), reviews break-glass writs after the fact, and watches
 * the sessions no writ covered and the bastion logins no writ opened.
 */
@Named
@ViewScoped
public class SecurityDesk implements Serializable {

    private static final String AGAIN = "/alerts.xhtml?faces-redirect=true";
    private static final int UNLINKED_SHOWN = 50;
    private static final int REFUSALS_SHOWN = 50;

    /** A refused bastion login as the page shows it: who, when, from where, and which writ was missing. */
    public record Refusal(String at, String identity, String account, String bastion, String from, String reason)
            implements Serializable {
        static Refusal of(LoginRefusal r) {
            return new Refusal(UtcTime.seconds(r.at()), r.identity(), r.account(), r.bastion(), r.from(), r.reason());
        }
    }

    @Inject AlertDesk alerts;
    @Inject BreakGlassDesk breakGlass;
    @Inject SessionEvidence evidence;
    @Inject BastionDesk bastions;
    @Inject transient SecurityContext security;

    private List<AlertSummary> open;
    private List<SessionSummary> unlinked;
    private List<WritSummary> reviewsDue;
    private List<Refusal> refusals;
    private final Map<String, String> findings = new HashMap<>();
    private final Map<String, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        open = alerts.open().stream().map(AlertSummary::of).toList();
        unlinked = evidence.unlinked(UNLINKED_SHOWN).stream().map(SessionSummary::of).toList();
        reviewsDue = breakGlass.awaitingPostIncidentReview().stream().map(WritSummary::of).toList();
        refusals = bastions.refusals(REFUSALS_SHOWN).stream().map(Refusal::of).toList();
    }

    public String contain(String alertId) {
        return act(() -> alerts.contain(alertId, caller()), "Alert " + alertId + ": containment started", alertId);
    }

    public String dismiss(String alertId) {
        return triage(alertId, TriageOutcome.DISMISS);
    }

    public String confirm(String alertId) {
        return triage(alertId, TriageOutcome.CONFIRM);
    }

    public String escalate(String alertId) {
        return triage(alertId, TriageOutcome.ESCALATE);
    }

    /** Security's post-incident review of a break-glass writ. */
    public String review(String writId) {
        return PageMessages.attempt(() -> breakGlass.recordPostIncidentReview(writId, caller(), findings.get(writId)),
                "Break-glass writ " + writId + " reviewed", AGAIN,
                PageMessages.inRow("findings", "desk:reviews", reviewsDue, WritSummary::id, writId));
    }

    private String triage(String alertId, TriageOutcome outcome) {
        return act(() -> alerts.triage(alertId, caller(), outcome, comments.get(alertId)),
                "Alert " + alertId + ": " + outcome.name().toLowerCase(), alertId);
    }

    /** An action on one alert card; a refusal's comment error goes to that card's comment box. */
    private String act(Runnable action, String outcome, String alertId) {
        return PageMessages.attempt(action, outcome, AGAIN,
                PageMessages.inRow("comment", "desk:alerts", open, AlertSummary::id, alertId));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<AlertSummary> getOpen() { return open; }
    public List<SessionSummary> getUnlinked() { return unlinked; }
    public Map<String, String> getComments() { return comments; }
    public List<WritSummary> getReviewsDue() { return reviewsDue; }
    public List<Refusal> getRefusals() { return refusals; }
    public Map<String, String> getFindings() { return findings; }
}
