package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.writ.Decision;
import io.writ.workflow.writ.Inbox;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritQueries;
import io.writ.web.security.SignedIn;
import io.writ.web.security.StepUpJourney;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An approver decides on the writs awaiting them, with the ticket's state and the requester's earlier writs beside
 * each, and on the extensions active writs ask for.
 */
@Named
@ViewScoped
public class ApprovalInbox implements Serializable {

    private static final String AGAIN = "/inbox.xhtml?faces-redirect=true";

    /** A writ awaiting a decision, what the ticket system says of its ticket, and the requester's earlier writs. */
    public record Awaiting(WritSummary writ, String ticketState, List<WritSummary> history) implements Serializable {

        static Awaiting of(Inbox.Entry e) {
            return new Awaiting(WritSummary.of(e.writ()), e.ticketState().map(Enum::name).orElse(null),
                    e.history().stream().map(WritSummary::of).toList());
        }
    }

    @Inject WritDesk writs;
    @Inject WritQueries queries;
    @Inject transient SecurityContext security;
    @Inject SignedIn signedIn;
    @Inject StepUpJourney stepUp;

    /** The comment an approver had typed on a writ when deciding sent them through step-up. */
    record Typed(String writId, String comment) implements Serializable {
    }

    private List<Awaiting> awaiting;
    private List<Awaiting> extensions;
    private final Map<String, String> comments = new HashMap<>();

    @PostConstruct
    void load() {
        var inbox = queries.inbox(caller());
        awaiting = inbox.writs().stream().map(Awaiting::of).toList();
        extensions = inbox.extensions().stream().map(Awaiting::of).toList();
    }

    /** Back from step-up (the page's view action): the comment as the approver left it. */
    public void resumeAfterStepUp() {
        stepUp.resumed(Typed.class).ifPresent(typed -> {
            comments.put(typed.writId(), typed.comment());
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    "Writ " + typed.writId() + " is as you left it: decide again with your new sign-in.", null));
        });
    }

    public String approve(String writId) {
        return decide(writId, Decision.APPROVE);
    }

    public String reject(String writId) {
        return decide(writId, Decision.REJECT);
    }

    public String approveExtension(String writId) {
        return decideExtension(writId, Decision.APPROVE);
    }

    public String rejectExtension(String writId) {
        return decideExtension(writId, Decision.REJECT);
    }

    private String decideExtension(String writId, Decision decision) {
        stepUp.keep("/inbox.xhtml", new Typed(writId, comments.get(writId)));
        return PageMessages.attempt(() -> writs.decideExtension(writId, caller(), signedIn.current(), decision,
                        comments.get(writId)),
                writ -> "Writ " + writId + ": extension " + writ.extension().orElseThrow().state().name().toLowerCase()
                        + "; the window ends at " + UtcTime.minutes(writ.grant().orElseThrow().expiresAt()), AGAIN,
                PageMessages.inRow("comment", "inbox:extensions", extensions, a -> a.writ().id(), writId));
    }

    private String decide(String writId, Decision decision) {
        stepUp.keep("/inbox.xhtml", new Typed(writId, comments.get(writId)));
        return PageMessages.attempt(() -> writs.decide(writId, caller(), signedIn.current(), decision,
                        comments.get(writId)),
                writ -> "Writ " + writId + ": " + decision.name().toLowerCase() + " recorded; now " + writ.state(),
                AGAIN, PageMessages.inRow("comment", "inbox:cards", awaiting, a -> a.writ().id(), writId));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<Awaiting> getAwaiting() { return awaiting; }
    public List<Awaiting> getExtensions() { return extensions; }
    public Map<String, String> getComments() { return comments; }
}
