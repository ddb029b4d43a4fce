package io.writ.workflow.persistence;

import io.writ.domain.nhi.InventoriedNhi;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** One NHI as the inventory keeps it (see {@link InventoriedNhi}); its roles as one text (",a,b,", or ""). */
@Entity
@Table(name = "nhi_inventory")
public class KeptNhi {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "keycloak_id", nullable = false)
    private String keycloakId;

    @Column(nullable = false)
    private String identity;

    @Column(name = "identity_id", nullable = false)
    private String identityId;

    @Column(nullable = false)
    private boolean enabled;

    private String owner;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(name = "owner_enabled", nullable = false)
    private boolean ownerEnabled;

    @Column(name = "secret_made_at")
    private Instant secretMadeAt;

    @Column(name = "privileged_roles", nullable = false, length = 2000)
    private String privilegedRoles;

    @Column(name = "standing_roles", nullable = false, length = 2000)
    private String standingRoles;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "unowned_since")
    private Instant unownedSince;

    @Column(name = "kept_at", nullable = false)
    private Instant keptAt;

    protected KeptNhi() {
        // for JPA
    }

    KeptNhi(InventoriedNhi nhi) {
        this.clientId = nhi.clientId();
        update(nhi);
    }

    void update(InventoriedNhi nhi) {
        keycloakId = nhi.keycloakId();
        identity = nhi.identity();
        identityId = nhi.identityId();
        enabled = nhi.enabled();
        owner = nhi.owner();
        ownerId = nhi.ownerId();
        ownerEnabled = nhi.ownerEnabled();
        secretMadeAt = nhi.secretMadeAt();
        privilegedRoles = joined(nhi.privilegedRoles());
        standingRoles = joined(nhi.standingRoles());
        lastUsedAt = nhi.lastUsedAt();
        unownedSince = nhi.unownedSince();
        keptAt = nhi.keptAt();
    }

    InventoriedNhi nhi() {
        return new InventoriedNhi(clientId, keycloakId, identity, identityId, enabled, owner, ownerId, ownerEnabled,
                secretMadeAt, split(privilegedRoles), split(standingRoles), lastUsedAt, unownedSince, keptAt);
    }

    /** The text a filter on one role looks for in the roles' text. */
    static String asListed(String role) {
        return "%," + role + ",%";
    }

    private static String joined(Set<String> roles) {
        return roles.isEmpty() ? "" : new TreeSet<>(roles).stream().collect(Collectors.joining(",", ",", ","));
    }

    private static Set<String> split(String roles) {
        return Arrays.stream(roles.split(",")).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    }
}
