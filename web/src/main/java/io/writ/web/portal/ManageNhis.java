package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.nhi.NhiFinding;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** An administrator reviews the NHI inventory (owners, secret age, standing privilege, findings) and rotates secrets. */
@Named
@ViewScoped
public class ManageNhis implements Serializable {

    /** One NHI as the page shows it. */
    public record Row(String clientId, String owner, String secretAge, String lastUsed, String privilegedRoles,
                      List<String> findings) implements Serializable {

        static Row of(Nhi n) {
            return new Row(n.clientId(), n.owner() == null ? "none" : n.owner(),
                    n.secretAgeDays().map(d -> d + " days").orElse("unknown"),
                    n.lastUsedAt().map(UtcTime::minutes).orElse("not seen"),
                    n.privilegedRoles().isEmpty() ? "none" : String.join(", ", n.privilegedRoles().stream().sorted().toList()),
                    n.sortedFindings().stream().map(NhiFinding::name).toList());
        }
    }

    @Inject NhiDesk nhis;
    @Inject transient SecurityContext security;

    private List<Row> rows;

    @PostConstruct
    void load() {
        rows = nhis.inventory().stream().map(Row::of).toList();
    }

    public String rotate(String clientId) {
        return PageMessages.attempt(() -> nhis.requestRotation(clientId, RotationReason.ON_DEMAND,
                        security.getCallerPrincipal().getName()), "Rotation of " + clientId
                        + "'s secret started; its owner is told", "/admin/nhis.xhtml?faces-redirect=true", Map.of());
    }

    public List<Row> getRows() { return rows; }
}
