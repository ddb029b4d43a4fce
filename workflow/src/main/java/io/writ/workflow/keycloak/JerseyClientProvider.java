package io.writ.workflow.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import org.glassfish.jersey.client.proxy.WebResourceFactory;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

import javax.net.ssl.SSLContext;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Gives the Keycloak admin client a Jersey client instead of RESTEasy, which clashes with Payara's Jersey when
 * bundled in the WAR. JSON goes through Jackson (the admin client's representations are Jackson-annotated);
 * JSON-B, MOXy and every other auto-discovered provider of Payara's runtime are switched off, or one of them
 * reads the token answer and the token is lost.
 * <p>
 * Jersey also refuses requests that HTTP allows but discourages, and the admin API has two the adapter needs:
 * removing role mappings is a DELETE with a body, joining a group a PUT without one. That check is turned off, so
 * revoking a role and granting a group work over Jersey as they do over RESTEasy; the warning Jersey then logs for
 * each such request (one per revocation) says only that, and is dropped.
 */
public class JerseyClientProvider implements ResteasyClientProvider {

    /** Held here so the filter stays: a logger nobody references can be collected and made again without it. */
    private static final Logger JERSEY_INVOCATIONS = Logger.getLogger("org.glassfish.jersey.client.JerseyInvocation");

    static {
        JERSEY_INVOCATIONS.setFilter(JerseyClientProvider::notAComplianceWarning);
    }

    static final int CONNECT_TIMEOUT_SECONDS = 3;
    static final int READ_TIMEOUT_SECONDS = 15;

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        var mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        var builder = ClientBuilder.newBuilder()
                .property("jersey.config.disableJsonBinding", true)
                .property("jersey.config.client.disableJsonBinding", true)
                .property("jersey.config.client.disableMoxyJson", true)
                .property("jersey.config.client.disableAutoDiscovery", true)
                .property("jersey.config.client.suppressHttpComplianceValidation", true)
                .connectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .readTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .register(new JacksonJsonProvider(mapper));
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        return builder.build();
    }

    /** False for "Entity must be null for http method DELETE." and "Entity must not be null for http method PUT.". */
    static boolean notAComplianceWarning(LogRecord record) {
        var message = record.getMessage();
        return message == null || !message.startsWith("Entity must ");
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> targetClass) {
        return WebResourceFactory.newResource(targetClass, target);
    }
}
