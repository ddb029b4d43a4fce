package io.writ.web.portal;

import io.writ.domain.NotFound;
import io.writ.domain.NotPermitted;
import io.writ.domain.identity.DirectoryUnavailable;
import io.writ.web.security.PortalRole;
import io.writ.workflow.writ.WritDesk;
import io.writ.workflow.writ.WritQueries;
import io.writ.workflow.receipt.Receipts;
import io.writ.workflow.sessions.SessionEvidence;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One writ in full ({@code writ.xhtml?id=...}): its timeline, decisions, grant times and process diagram, and what
 * its requester may do to it. Whoever the writ does not allow to see it is told it is not found or not theirs.
 */
@Named
@ViewScoped
public class WritDetail implements Serializable {

    /** The same answer whether the writ is missing or not the caller's: whether it exists is not for all to learn. */
    private static final PageMessages.Unreadable NOT_YOURS = new PageMessages.Unreadable(404,
            "Writ not found, or not yours to see.", List.of(NotFound.class, NotPermitted.class));
    private static final PageMessages.Unreadable KEYCLOAK_AWAY = new PageMessages.Unreadable(503,
            "Keycloak cannot be reached right now to tell whether you may see this writ; try again shortly.",
            List.of(DirectoryUnavailable.class));

    @Inject WritDesk writs;
    @Inject WritQueries queries;
    @Inject SessionEvidence evidence;
    @Inject Receipts receipts;
    @Inject transient SecurityContext security;

    private String id;
    private WritDetailView view;
    private List<SessionTimeline> sessions = List.of();
    private ReceiptView receipt;
    private Integer extraMinutes;

    /** Runs before the page is rendered (f:viewAction), once per visit, with {@link #id} from the address. */
    public void load() {
        PageMessages.read(this::read, List.of(NOT_YOURS, KEYCLOAK_AWAY));
    }

    private void read() {
        if (id == null || id.isBlank()) {
            throw new NotFound("no writ named");
        }
        view = WritDetailView.of(queries.dossierOf(id, caller(), overseer()));
        sessions = evidence.linkedTo(id).stream().map(s -> SessionTimeline.of(s, evidence.eventsOf(s.id()),
                s.recordingSha256().flatMap(sha -> evidence.recordingOf(id, s.id())).map(r -> r.content())))
                .toList();
        receipt = ReceiptView.of(receipts.unsigned(id, caller(), overseer()));
    }

    public String endNow() {
        return act(writId -> writs.endNow(writId, caller()), "ended; access is being revoked");
    }

    public String cancel() {
        return act(writId -> writs.cancel(writId, caller()), "withdrawn");
    }

    public String askForMoreTime() {
        return act(writId -> writs.requestExtension(writId, caller(), extraMinutes == null ? 0 : extraMinutes),
                "extension of " + extraMinutes + " min asked for; approvers decide");
    }

    private String act(Function<String, ?> action, String outcome) {
        return PageMessages.attempt(() -> action.apply(view.writ().id()), "Writ " + view.writ().id() + " " + outcome,
                "/writ.xhtml?faces-redirect=true&id=" + view.writ().id(), Map.of("extraMinutes", "extend:minutes"));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    private boolean overseer() {
        return security.isCallerInRole(PortalRole.SECURITY) || security.isCallerInRole(PortalRole.COMPLIANCE);
    }

    /** The writ as the page shows it; null when it may not be shown. */
    public WritDetailView getView() { return view; }
    /** The writ's receipt: its grant and revocation step by step, and Keycloak's word on them. */
    public ReceiptView getReceipt() { return receipt; }
    /** The privileged sessions linked to the writ, oldest first, each with its events. */
    public List<SessionTimeline> getSessions() { return sessions; }
    /**
     * How many of the writ's sessions a bastion cut off because the writ ended, and when the last was: beside
     * Keycloak's logout, the other half of taking access away.
     */
    public String getBastionSessionsEnded() {
        var cut = sessions.stream().map(t -> t.session().terminatedAt()).filter(java.util.Objects::nonNull).sorted()
                .toList();
        return cut.isEmpty() ? "—" : cut.size() + " (the last at " + cut.get(cut.size() - 1) + ")";
    }

    /** Whether the caller asked for this writ: only then are its actions offered (the model checks again). */
    public boolean isMine() { return view != null && view.writ().requester().equals(caller()); }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public Integer getExtraMinutes() { return extraMinutes; }
    public void setExtraMinutes(Integer extraMinutes) { this.extraMinutes = extraMinutes; }
}
