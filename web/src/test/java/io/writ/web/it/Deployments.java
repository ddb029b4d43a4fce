package io.writ.web.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

import java.io.File;

/**
 * The portal as the build packaged it (web/target/writ.war), with what in-container tests need, deployed by Arquillian
 * at the root context like ./run.sh does. Tests that use the portal from outside share one instead ({@link TestPortal}).
 */
final class Deployments {

    private Deployments() {
    }

    private static WebArchive portal() {
        var war = new File(TestEnvironment.property("writ.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No portal WAR at " + war + ": run the build (mvn verify) first");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /**
     * The WAR plus what in-container tests need: Arquillian's test runner must be reachable without a login, which
     * the portal's web.xml otherwise requires for every path.
     */
    static WebArchive portalWithTestRunner() {
        var openRunner = ShrinkWrap.create(JavaArchive.class, "arquillian-runner-open.jar")
                .addAsManifestResource(new StringAsset("""
                        <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                          <name>arquillian_runner_open</name>
                          <security-constraint>
                            <web-resource-collection>
                              <web-resource-name>arquillian</web-resource-name>
                              <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                              <url-pattern>/ArquillianServletRunner</url-pattern>
                            </web-resource-collection>
                          </security-constraint>
                        </web-fragment>
                        """), "web-fragment.xml");
        var assertionLibraries = Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core", "org.awaitility:awaitility")
                .withTransitivity().asFile();
        return portal()
                .addAsLibraries(openRunner)
                .addAsLibraries(assertionLibraries)
                .addClasses(TestEnvironment.class, KeycloakTokens.class, KeycloakAdmin.class, TransactionalProbe.class,
                        EngineTasks.class);
    }
}
