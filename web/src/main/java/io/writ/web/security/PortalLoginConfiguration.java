package io.writ.web.security;

import io.writ.workflow.keycloak.KeycloakSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Puts the configured Keycloak URL, realm and client into {@link PortalLogin}'s login definition before the
 * security runtime reads it: Payara 6 takes the annotation's strings literally, so without this the portal could
 * only ever log in against the dev Keycloak.
 */
public class PortalLoginConfiguration implements Extension {

    void configure(@Observes ProcessAnnotatedType<PortalLogin> type) {
        var config = ConfigProvider.getConfig(PortalLogin.class.getClassLoader());
        var providerUri = OidcSettings.providerUri(
                config.getOptionalValue(KeycloakSettings.URL, String.class).orElse(KeycloakSettings.DEFAULT_URL),
                config.getOptionalValue(KeycloakSettings.REALM, String.class).orElse(KeycloakSettings.DEFAULT_REALM));
        var clientId = config.getOptionalValue(OidcSettings.CLIENT_ID, String.class)
                .orElse(OidcSettings.DEFAULT_CLIENT_ID);
        var clientSecret = config.getOptionalValue(OidcSettings.CLIENT_SECRET, String.class)
                .orElse(OidcSettings.DEFAULT_CLIENT_SECRET);

        var declared = type.getAnnotatedType().getAnnotation(OpenIdAuthenticationMechanismDefinition.class);
        var configured = (OpenIdAuthenticationMechanismDefinition) Proxy.newProxyInstance(
                PortalLogin.class.getClassLoader(),
                new Class<?>[]{OpenIdAuthenticationMechanismDefinition.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "providerURI" -> providerUri;
                    case "clientId" -> clientId;
                    case "clientSecret" -> clientSecret;
                    default -> invoke(method, declared, args);
                });
        type.configureAnnotatedType()
                .remove(a -> a instanceof OpenIdAuthenticationMechanismDefinition)
                .add(configured);
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
