package io.writ.web.security;

import io.writ.workflow.keycloak.KeycloakSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The portal's OpenID Connect client in Keycloak. */
@ApplicationScoped
public class OidcSettings {

    static final String CLIENT_ID = "writ.oidc.client-id";
    static final String DEFAULT_CLIENT_ID = "writ-portal";
    static final String CLIENT_SECRET = "writ.oidc.client-secret";
    static final String DEFAULT_CLIENT_SECRET = "writ-portal-secret";

    /** The audience every API token must carry (the realm's audience mapper adds it). */
    public static final String AUDIENCE = "writ-portal";

    @Inject
    KeycloakSettings keycloak;

    @Inject
    @ConfigProperty(name = CLIENT_ID, defaultValue = DEFAULT_CLIENT_ID)
    String clientId;

    @Inject
    @ConfigProperty(name = CLIENT_SECRET, defaultValue = DEFAULT_CLIENT_SECRET)
    String clientSecret;

    public String getProviderUri() {
        return providerUri(keycloak.url(), keycloak.realm());
    }

    static String providerUri(String keycloakUrl, String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String jwksUri() {
        return getProviderUri() + "/protocol/openid-connect/certs";
    }

    public String endSessionUri() {
        return getProviderUri() + "/protocol/openid-connect/logout";
    }
}
