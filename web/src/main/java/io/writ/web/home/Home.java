package io.writ.web.home;

import io.writ.domain.UtcTime;
import io.writ.web.portal.PageMessages;
import io.writ.web.security.PortalRole;
import io.writ.workflow.dashboard.ApproverFigures;
import io.writ.workflow.dashboard.Dashboards;
import io.writ.workflow.dashboard.OversightFigures;
import io.writ.workflow.dashboard.RequesterFigures;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The home page: who is signed in, and the figures of each of their roles, read once per visit. A requester sees
 * their writs in motion; an approver what awaits them; security and compliance how just-in-time privilege works.
 */
@Named
@RequestScoped
public class Home {

    @Inject
    SecurityContext security;

    @Inject
    Dashboards dashboards;

    private List<String> roles;
    private RequesterFigures requester;
    private ApproverFigures approver;
    private String approverUnavailable;
    private OversightFigures oversight;
    private String approvalChart;
    private String revocationChart;
    private String privilegeChart;

    @PostConstruct
    void load() {
        roles = PortalRole.PEOPLE.stream().filter(security::isCallerInRole).toList();
        var me = getUsername();
        if (me == null) {
            return;
        }
        if (roles.contains(PortalRole.REQUESTER)) {
            requester = dashboards.forRequester(me);
        }
        if (roles.contains(PortalRole.APPROVER) || roles.contains(PortalRole.SECURITY)) {
            approver = PageMessages.unlessKeycloakAway(() -> dashboards.forApprover(me)).orElse(null);
            if (approver == null) {
                approverUnavailable = "Keycloak cannot be reached right now, so what awaits you cannot be counted.";
            }
        }
        if (roles.contains(PortalRole.SECURITY) || roles.contains(PortalRole.COMPLIANCE)) {
            oversight = dashboards.oversight();
            approvalChart = Charts.bands("writs approved", Charts.APPROVAL_BANDS, oversight.timeToApprove());
            revocationChart = Charts.bands("revocations", Charts.REVOCATION_BANDS, oversight.revocationLag());
            privilegeChart = Charts.privilege(oversight.privilege());
        }
    }

    public String getUsername() {
        var caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public List<String> getRoles() { return roles; }
    public RequesterFigures getRequester() { return requester; }
    public ApproverFigures getApprover() { return approver; }
    public String getApproverUnavailable() { return approverUnavailable; }
    public OversightFigures getOversight() { return oversight; }
    public int getPeriodDays() { return (int) Dashboards.PERIOD.toDays(); }

    /** The oldest writ awaiting this approver, or null. */
    public ApproverFigures.Oldest getOldestAwaiting() {
        return approver == null ? null : approver.oldest().orElse(null);
    }

    public String getMeanTimeToApprove() {
        return oversight.timeToApprove().mean().map(Wording::duration).orElse(null);
    }

    public String getMeanRevocationLag() {
        return oversight.revocationLag().mean().map(Wording::duration).orElse(null);
    }

    public String getApprovalChart() { return approvalChart; }
    public String getRevocationChart() { return revocationChart; }
    public String getPrivilegeChart() { return privilegeChart; }

    /** How long ago that was ("12 min 3 s"). */
    public String age(Instant since) {
        return Wording.duration(Duration.between(since, Instant.now()));
    }

    public String time(Instant at) {
        return UtcTime.minutes(at);
    }
}
