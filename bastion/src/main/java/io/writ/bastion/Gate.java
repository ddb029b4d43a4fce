package io.writ.bastion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a login may happen, the portal's word: sshd asks through {@code AuthorizedKeysCommand} and is given the
 * account's key only when an ACTIVE writ opens this bastion. A login the portal's fresh list names
 * ({@link Admissions}) is admitted at once, under the listed writ; any other is asked of the portal, which decides
 * it and keeps a refusal. sshd asks more than once per connection (the key is offered, then signed): one connection's
 * answer from the portal is kept a few seconds, so it is decided and recorded once. When the portal or Keycloak
 * cannot be asked, the login is refused (fail closed) and the log says why.
 */
final class Gate {

    /** The portal's answer: admitted under a writ, with the session's coverage; or refused, and why. */
    record Admission(boolean admitted, String identity, String writ, String coverage, String reason) {
    }

    private static final Logger LOG = Logger.getLogger(Gate.class.getName());
    /** Unix account names as Debian's adduser allows them: nothing that could leave the keys directory. */
    static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Duration KEPT = Duration.ofSeconds(10);

    private record Kept(Admission admission, Instant until) {
    }

    private final Settings settings;
    private final WritClient writ;
    private final Admissions admissions;
    private final Map<String, Kept> recent = new ConcurrentHashMap<>();

    Gate(Settings settings, WritClient writ, Admissions admissions) {
        this.settings = settings;
        this.writ = writ;
        this.admissions = admissions;
    }

    /** The decision for one connection of an account ({@code from}: "address port N"). */
    Admission ask(String account, String from) {
        if (account == null || !ACCOUNT.matcher(account).matches()) {
            return new Admission(false, account, null, null, "no such account name: " + account);
        }
        var identity = identityOf(account);
        var listed = admissions.of(identity);
        if (listed.isPresent()) {
            var open = listed.get();
            var reason = identity + " admitted to " + settings.bastion() + " under writ " + open.writ() + " (until "
                    + open.until() + "; the portal's list of " + open.listedAt() + ")";
            LOG.info("admitted: " + reason);
            return new Admission(true, identity, open.writ(), open.coverage(), reason);
        }
        var key = account + "|" + from;
        var now = Instant.now();
        var kept = recent.get(key);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.admission();
        }
        recent.values().removeIf(k -> now.isAfter(k.until()));
        var admission = decide(account, identity, from);
        recent.put(key, new Kept(admission, now.plus(KEPT)));
        return admission;
    }

    /**
     * Asks again, whatever the portal answered this connection before: a session starting on a connection is decided
     * at that moment (by a list at most {@link Admissions#FRESH} old, or the portal).
     */
    Admission askAgain(String account, String from) {
        recent.remove(account + "|" + from);
        return ask(account, from);
    }

    /** The account's public keys as sshd should accept them: no forwarding, no agent, no X11, a terminal. */
    String keysOf(String account) throws IOException {
        var file = settings.keysDir().resolve(account + ".pub");
        if (!Files.isRegularFile(file)) {
            return "";
        }
        return Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> "restrict,pty " + line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** The Keycloak username of a Unix account: the identities file's word, else the account's own name. */
    String identityOf(String account) {
        var file = settings.identitiesFile();
        if (Files.isReadable(file)) {
            try {
                for (var line : Files.readAllLines(file)) {
                    var parts = line.strip().split("\\s+");
                    if (parts.length == 2 && !parts[0].startsWith("#") && parts[0].equals(account)) {
                        return parts[1];
                    }
                }
            } catch (IOException e) {
                LOG.warning("the identities file " + file + " could not be read (" + e + "); " + account
                        + " is taken as its own username");
            }
        }
        return account;
    }

    private Admission decide(String account, String identity, String from) {
        try {
            var answer = writ.login(identity, account, from);
            var admitted = Boolean.TRUE.equals(answer.get("admitted"));
            var reason = String.valueOf(answer.get("reason"));
            LOG.info((admitted ? "admitted: " : "refused: ") + reason);
            return new Admission(admitted, identity, (String) answer.get("writ"), (String) answer.get("coverage"),
                    reason);
        } catch (WritClient.Unreachable | RuntimeException e) {
            var reason = "refused (fail closed): the portal could not decide the login of " + account + " ("
                    + identity + "): " + e.getMessage();
            LOG.warning(reason);
            return new Admission(false, identity, null, null, reason);
        }
    }
}
