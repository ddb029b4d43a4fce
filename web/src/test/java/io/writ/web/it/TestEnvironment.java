package io.writ.web.it;

/** Where the build put the test Keycloak and the test portal (set by the failsafe plugin, see web/pom.xml). */
final class TestEnvironment {

    /**
     * The test Keycloak. Outside the container failsafe passes it as a system property; inside, Payara Micro (a JVM
     * of its own) only inherits failsafe's environment, so read WRIT_KEYCLOAK_URL there, or an in-container test
     * would talk to whichever Keycloak listens on the default port.
     */
    static final String KEYCLOAK_URL = System.getProperty("writ.it.keycloak.url",
            System.getenv().getOrDefault("WRIT_KEYCLOAK_URL", "http://localhost:18180"));

    private TestEnvironment() {
    }

    static String portalUrl() {
        return "http://localhost:" + property("writ.it.portal.port");
    }

    static String property(String name) {
        var value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run integration tests with "
                    + "`mvn verify` (the failsafe plugin sets it), not from the IDE alone");
        }
        return value;
    }
}
