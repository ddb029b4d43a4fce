package io.writ.web.portal;

import io.writ.domain.writ.Decision;
import io.writ.workflow.elevation.ElevationService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An approver decides on the writs awaiting them, with the requester's earlier writs beside each. */
@Named
@ViewScoped
public class ApprovalInbox implements Serializable {

    static final int HISTORY = 5;

    /** A writ awaiting a decision and the requester's latest earlier writs. */
    public record Awaiting(WritSummary writ, List<WritSummary> history) implements Serializable {
    }

    @Inject ElevationService elevations;
    @Inject transient SecurityContext security;

    private List<Awaiting> awaiting;
    private final Map<String, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        awaiting = elevations.awaiting(caller()).stream().map(w -> new Awaiting(WritSummary.of(w),
                elevations.mine(w.requester()).stream().filter(earlier -> !earlier.id().equals(w.id()))
                        .limit(HISTORY).map(WritSummary::of).toList())).toList();
    }

    public String approve(String writId) {
        return decide(writId, Decision.APPROVE);
    }

    public String reject(String writId) {
        return decide(writId, Decision.REJECT);
    }

    private String decide(String writId, Decision decision) {
        try {
            var writ = elevations.decide(writId, caller(), decision, comments.get(writId));
            PageMessages.done("Writ " + writId + ": " + decision.name().toLowerCase() + " recorded; now "
                    + writ.state());
            return "/inbox.xhtml?faces-redirect=true";
        } catch (RuntimeException refused) {
            PageMessages.refused(refused, Map.of("comment", commentControl(writId)));
            return null;
        }
    }

    /** The comment box of the writ's card on inbox.xhtml (the cards repeat in the order of {@link #awaiting}). */
    private String commentControl(String writId) {
        for (int i = 0; i < awaiting.size(); i++) {
            if (awaiting.get(i).writ().id().equals(writId)) {
                return "inbox:cards:" + i + ":comment";
            }
        }
        return null;
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<Awaiting> getAwaiting() { return awaiting; }
    public Map<String, String> getComments() { return comments; }
}
