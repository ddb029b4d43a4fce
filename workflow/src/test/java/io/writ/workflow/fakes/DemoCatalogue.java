package io.writ.workflow.fakes;

import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.EntitlementCatalogue;
import io.writ.domain.entitlement.EntitlementKind;
import io.writ.domain.entitlement.RiskTier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The demo catalogue (the portal's demo data), in memory; an entry can leave it, as an administrator removes one. */
public final class DemoCatalogue implements EntitlementCatalogue {

    private final List<Entitlement> entries = new ArrayList<>(List.of(
            entitlement("billing-read", RiskTier.LOW, 480, 1, 180, "bob"),
            entitlement("payments-operator", RiskTier.MEDIUM, 120, 1, 90, "bob"),
            entitlement("prod-db-admin", RiskTier.HIGH, 240, 2, 90, "carol"),
            entitlement("k8s-cluster-admin", RiskTier.CRITICAL, 60, 2, 30, "carol")));

    public void remove(String name) {
        entries.removeIf(e -> e.name().equals(name));
    }

    @Override
    public List<Entitlement> all() {
        return entries.stream().sorted(Comparator.comparing(Entitlement::name)).toList();
    }

    @Override
    public Optional<Entitlement> named(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Override
    public void add(Entitlement entitlement) {
        entries.add(entitlement);
    }

    private static Entitlement entitlement(String name, RiskTier tier, int maxMinutes, int approvals, int cadence,
                                           String owner) {
        return new Entitlement(name, EntitlementKind.REALM_ROLE, null, tier, maxMinutes, approvals, "approver",
                cadence, owner);
    }
}
