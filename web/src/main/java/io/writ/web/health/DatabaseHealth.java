package io.writ.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.SQLException;

/** The portal's database answers a query within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/writ")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var health = HealthCheckResponse.named("database");
        try (var connection = dataSource.getConnection()) {
            return health.status(connection.isValid(2))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException e) {
            return health.down().withData("error", e.getMessage()).build();
        }
    }
}
