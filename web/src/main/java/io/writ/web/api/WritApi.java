package io.writ.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

import java.util.Set;

/** The REST API, under /api. Every resource declares the roles that may call it; Jersey enforces them (403). */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Writ API", version = "1",
                description = "Ticket-backed, approved, time-bound privileged access enforced in Keycloak."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token from the Keycloak realm `writ`")
public class WritApi extends Application {

    /**
     * The resources, listed: left to scanning, Jersey would also pick up the Keycloak admin client's interfaces.
     * {@link RolesAllowedDynamicFeature} makes {@code @RolesAllowed} answer 403.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RolesAllowedDynamicFeature.class,
                ProblemMapper.class,
                AuditResource.class,
                EntitlementResource.class,
                MessageResource.class,
                RequestResource.class,
                ReceiptResource.class,
                TicketResource.class,
                TicketPushResource.class,
                SessionResource.class,
                BastionResource.class,
                AlertResource.class,
                NhiResource.class,
                ComplianceResource.class,
                ExportResource.class,
                ReviewResource.class);
    }
}
