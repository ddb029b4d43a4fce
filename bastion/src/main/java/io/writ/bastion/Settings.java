package io.writ.bastion;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's settings, from its properties file (docs/bastion.md lists every one). The client secret is read from
 * its own file at each token request, so a rotated secret is taken up by replacing that file.
 *
 * @param writ          the portal's base URL (its API is under {@code /api/v1})
 * @param tokenEndpoint Keycloak's token endpoint of the realm
 * @param clientId      the agent's own client (a non-human identity with the {@code bastion-agent} role)
 * @param secretFile    the file holding that client's secret (root only)
 * @param bastion       this bastion's name, as writs name it among their targets
 * @param served        the entitlements whose writs open this bastion
 * @param localPort     the loopback port sshd's helpers (gate, session) ask the agent on
 * @param localTokenFile the file holding the helpers' shared token (root and the gate's account only)
 * @param stateDir      where events wait for the portal and sessions keep their files (root only)
 * @param keysDir       the public keys of the people who may log in, {@code <account>.pub}
 * @param identitiesFile the Unix account to Keycloak username map ({@code account username} a line); an account
 *                      not in it is its own username
 * @param livePoll      how often live sessions are checked against their writs
 */
record Settings(URI writ, URI tokenEndpoint, String clientId, Path secretFile, String bastion, Set<String> served,
                int localPort, Path localTokenFile, Path stateDir, Path keysDir, Path identitiesFile,
                Duration livePoll) {

    static Settings read(Path file) throws IOException {
        var p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return new Settings(
                URI.create(strip(required(p, "writ.url"))),
                URI.create(required(p, "token.url")),
                p.getProperty("client.id", "bastion-agent").strip(),
                Path.of(required(p, "client.secret.file")),
                required(p, "bastion.name"),
                new LinkedHashSet<>(Arrays.stream(p.getProperty("served", "bastion-shell").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()),
                Integer.parseInt(p.getProperty("local.port", "2223").strip()),
                Path.of(p.getProperty("local.token.file", "/etc/writ-bastion/local-token").strip()),
                Path.of(p.getProperty("state.dir", "/var/lib/writ-bastion").strip()),
                Path.of(p.getProperty("keys.dir", "/etc/writ-bastion/keys").strip()),
                Path.of(p.getProperty("identities.file", "/etc/writ-bastion/identities").strip()),
                Duration.ofMillis(Long.parseLong(p.getProperty("live.poll.millis", "500").strip())));
    }

    private static String required(Properties p, String name) {
        var value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the setting " + name + " is missing (docs/bastion.md)");
        }
        return value.strip();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    Path journal() {
        return stateDir.resolve("journal.ndjson");
    }

    Path sessionsDir() {
        return stateDir.resolve("sessions");
    }
}
