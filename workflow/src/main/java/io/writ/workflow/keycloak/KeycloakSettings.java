package io.writ.workflow.keycloak;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where Keycloak is and how the portal signs in to its admin API. Defaults fit the dev setup of ./run.sh;
 * every value can be set by environment (for example {@code WRIT_KEYCLOAK_ADMIN_PASSWORD}).
 */
@ApplicationScoped
public class KeycloakSettings {

    public static final String URL = "writ.keycloak.url";
    public static final String DEFAULT_URL = "http://localhost:8180";
    public static final String REALM = "writ.realm";
    public static final String DEFAULT_REALM = "writ";
    /** The Keycloak group whose members are third-party administrators (besides the user attribute). */
    public static final String THIRD_PARTY_GROUP = "writ.third-party.group";
    public static final String DEFAULT_THIRD_PARTY_GROUP = "third-party";

    @Inject
    @ConfigProperty(name = URL, defaultValue = DEFAULT_URL)
    String url;

    @Inject
    @ConfigProperty(name = REALM, defaultValue = DEFAULT_REALM)
    String realm;

    @Inject
    @ConfigProperty(name = "writ.keycloak.admin.realm", defaultValue = "master")
    String adminRealm;

    @Inject
    @ConfigProperty(name = "writ.keycloak.admin.client-id", defaultValue = "admin-cli")
    String adminClientId;

    @Inject
    @ConfigProperty(name = "writ.keycloak.admin.username", defaultValue = "admin")
    String adminUsername;

    @Inject
    @ConfigProperty(name = "writ.keycloak.admin.password", defaultValue = "admin")
    String adminPassword;

    @Inject
    @ConfigProperty(name = THIRD_PARTY_GROUP, defaultValue = DEFAULT_THIRD_PARTY_GROUP)
    String thirdPartyGroup;

    public String url() { return url; }
    public String realm() { return realm; }
    String adminRealm() { return adminRealm; }
    String adminClientId() { return adminClientId; }
    String adminUsername() { return adminUsername; }
    String adminPassword() { return adminPassword; }
    String thirdPartyGroup() { return thirdPartyGroup; }
}
