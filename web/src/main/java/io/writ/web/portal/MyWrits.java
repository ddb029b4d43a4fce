package io.writ.web.portal;

import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritQueries;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A requester follows their writs and ends, withdraws or asks to extend them. */
@Named
@ViewScoped
public class MyWrits implements Serializable {

    private static final String AGAIN = "/writs.xhtml?faces-redirect=true";

    @Inject WritDesk desk;
    @Inject WritQueries queries;
    @Inject transient SecurityContext security;

    private List<WritSummary> writs;
    private List<WritSummary> postAccessDue;
    private final java.util.HashMap<String, String> comments = new java.util.HashMap<>();
    private String extending;
    private Integer extraMinutes;

    @PostConstruct
    void load() {
        writs = queries.mine(caller()).stream().map(WritSummary::of).toList();
        postAccessDue = queries.awaitingPostAccessReview(caller()).stream().map(WritSummary::of).toList();
    }

    /** The post-access review: was the ended writ's access used as intended (a "no" needs a comment). */
    public String answer(String writId, boolean usedAsIntended) {
        return PageMessages.attempt(() -> desk.answerPostAccessReview(writId, caller(), usedAsIntended,
                        comments.get(writId)), "Writ " + writId + ": post-access review answered", AGAIN,
                PageMessages.inRow("comment", "writs:due", postAccessDue, WritSummary::id, writId));
    }

    public String endNow(String writId) {
        return act(id -> desk.endNow(id, caller()), writId, "ended; access is being revoked");
    }

    public String cancel(String writId) {
        return act(id -> desk.cancel(id, caller()), writId, "withdrawn");
    }

    public String askForMoreTime() {
        return act(id -> desk.requestExtension(id, caller(), extraMinutes == null ? 0 : extraMinutes),
                extending, "extension of " + extraMinutes + " min asked for; approvers decide");
    }

    private String act(Function<String, ?> action, String writId, String outcome) {
        return PageMessages.attempt(() -> action.apply(writId), "Writ " + writId + " " + outcome, AGAIN,
                Map.of("extraMinutes", "extend:minutes"));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<WritSummary> getWrits() { return writs; }
    public List<WritSummary> getPostAccessDue() { return postAccessDue; }
    public Map<String, String> getComments() { return comments; }
    public String getExtending() { return extending; }
    public void setExtending(String extending) { this.extending = extending; }
    public Integer getExtraMinutes() { return extraMinutes; }
    public void setExtraMinutes(Integer extraMinutes) { this.extraMinutes = extraMinutes; }
}
