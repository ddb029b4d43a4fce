package io.writ.workflow.nhi.inventory;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.audit.AuditTrail;
import io.writ.domain.nhi.InventoriedNhi;
import io.writ.domain.nhi.NhiInventory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The inventory's writes, each with its audit record in one transaction. */
@ApplicationScoped
@Transactional
public class InventoryRecords {

    /** Client ids named in a record of corrections; the rest are counted. */
    static final int NAMED = 10;

    @Inject
    NhiInventory inventory;

    @Inject
    AuditTrail audit;

    /** What a reconciliation found different from what was kept: kept now, and recorded. */
    public void correct(Reconciliation found, Collection<InventoriedNhi> lastUses, Instant at) {
        inventory.keepAll(found.added());
        inventory.keepAll(found.changed());
        inventory.keepAll(lastUses);
        found.removed().forEach(inventory::forget);
        if (found.differences() > 0) {
            audit.record(new AuditEntry(at, AuditEntry.SYSTEM, "nhi.inventory-corrected", SUBJECT, found.summary()));
        }
    }

    /** A change Keycloak recorded, followed: the NHI's state kept, or the NHI forgotten. */
    public void follow(InventoriedNhi now, InventoriedNhi before, String because) {
        inventory.keep(now);
        if (before == null || !now.sameAs(before)) {
            audit.record(new AuditEntry(now.keptAt(), AuditEntry.SYSTEM, "nhi.inventory-followed",
                    "nhi:" + now.clientId(), (before == null ? "added" : now.changesFrom(before)) + " (" + because
                            + ")"));
        }
    }

    public void forget(InventoriedNhi gone, Instant at, String because) {
        inventory.forget(gone.clientId());
        audit.record(new AuditEntry(at, AuditEntry.SYSTEM, "nhi.inventory-followed", "nhi:" + gone.clientId(),
                "removed (" + because + ")"));
    }

    /** A standing privileged role taken from an NHI nobody has owned for longer than policy. */
    public void removedUnowned(InventoriedNhi nhi, String role, java.time.Duration policy, Instant at) {
        audit.record(new AuditEntry(at, AuditEntry.SYSTEM, "nhi.standing-role-removed", "nhi:" + nhi.clientId(),
                role + " removed from " + nhi.identity() + " and read back absent: nobody has been accountable for it"
                        + " since " + nhi.unownedSince() + " (" + (nhi.owner() == null ? "no owner"
                        : "owner " + nhi.owner() + " disabled or gone") + "; policy: " + policy.toDays() + " days)"));
    }

    /** Last uses recorded since the previous look (no audit record: Writ's own sessions say so already). */
    public void used(List<InventoriedNhi> used) {
        inventory.keepAll(used);
    }

    static final String SUBJECT = "nhi:inventory";
}
