package io.writ.web.portal;

import io.writ.domain.InvalidRequest;
import io.writ.domain.UtcTime;
import io.writ.domain.nhi.Nhi;
import io.writ.domain.nhi.NhiFinding;
import io.writ.domain.nhi.NhiQuery;
import io.writ.workflow.nhi.NhiDesk;
import io.writ.workflow.nhi.RotationReason;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An administrator reviews the NHI inventory (owners, secret age, standing privilege, findings) a page at a time,
 * filtered and ordered as they choose, and rotates secrets. The inventory is Writ's own: a page asks Keycloak nothing.
 */
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

    /** The filters and order the form sets. */
    public static final class Filters implements Serializable {
        private String owner;
        private String finding;
        private String standingRole;
        private Integer secretOlderThanDays;
        private Integer unusedForDays;
        private String sort = "clientId";

        NhiQuery query(int page, int size) {
            return NhiQuery.of(owner, finding, standingRole, secretOlderThanDays, unusedForDays, sort, page, size);
        }

        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
        public String getFinding() { return finding; }
        public void setFinding(String finding) { this.finding = finding; }
        public String getStandingRole() { return standingRole; }
        public void setStandingRole(String standingRole) { this.standingRole = standingRole; }
        public Integer getSecretOlderThanDays() { return secretOlderThanDays; }
        public void setSecretOlderThanDays(Integer days) { this.secretOlderThanDays = days; }
        public Integer getUnusedForDays() { return unusedForDays; }
        public void setUnusedForDays(Integer days) { this.unusedForDays = days; }
        public String getSort() { return sort; }
        public void setSort(String sort) { this.sort = sort; }
    }

    /** The inventory a page at a time, with the filters and order last applied. */
    final class Inventory extends LazyDataModel<Row> {

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, nhis.page(applied.page(0, 1)).total());
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            var found = nhis.page(applied.page(first / pageSize, pageSize));
            setRowCount((int) Math.min(Integer.MAX_VALUE, found.total()));
            return found.nhis().stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.clientId();
        }
    }

    @Inject NhiDesk nhis;
    @Inject transient SecurityContext security;

    private final Filters filters = new Filters();
    private NhiQuery applied = NhiQuery.everything();
    private Inventory inventory;

    @PostConstruct
    void load() {
        inventory = new Inventory();
    }

    /** Applies the form's filters and order; a bad one is a message by its field, and the table keeps the last good. */
    public void apply() {
        try {
            applied = filters.query(0, NhiQuery.DEFAULT_SIZE);
        } catch (InvalidRequest bad) {
            var context = FacesContext.getCurrentInstance();
            bad.errors().forEach(e -> context.addMessage("nhis:" + e.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, e.message(), e.message())));
            context.validationFailed();
        }
    }

    public String rotate(String clientId) {
        return PageMessages.attempt(() -> nhis.requestRotation(clientId, RotationReason.ON_DEMAND,
                        security.getCallerPrincipal().getName()), "Rotation of " + clientId
                        + "'s secret started; its owner is told", "/admin/nhis.xhtml?faces-redirect=true", Map.of());
    }

    public List<String> getFindings() {
        return Arrays.stream(NhiFinding.values()).map(NhiFinding::name).toList();
    }

    public Filters getFilters() { return filters; }

    public LazyDataModel<Row> getInventory() { return inventory; }
}
