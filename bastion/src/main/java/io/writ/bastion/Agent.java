package io.writ.bastion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The Writ bastion agent: {@code java -jar writ-bastion-agent.jar /etc/writ-bastion/agent.properties}, as root,
 * beside sshd. It answers sshd's helpers (which logins a writ opens, sessions starting and ending), keeps every
 * event on disk until the portal has it, reads the sessions' files as they grow, and cuts sessions off whose writ
 * ended. docs/bastion.md says how to install it.
 */
public final class Agent {

    private static final Logger LOG = Logger.getLogger(Agent.class.getName());
    /** How often the sessions' files are read: a command reaches the journal within this, the portal soon after. */
    private static final long READ_EVERY_MILLIS = 100;

    private Agent() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %5$s%6$s%n");
        QueuedLog.install();
        if (args.length != 1) {
            System.err.println("usage: java -jar writ-bastion-agent.jar /etc/writ-bastion/agent.properties");
            System.exit(2);
        }
        var settings = Settings.read(Path.of(args[0]));
        var writ = new WritClient(settings);
        var journal = new Journal(settings.journal(), writ);
        var recordings = new Recordings(settings.sessionsDir(), writ);
        var sessions = new LiveSessions(settings, journal, writ, recordings);
        var admissions = new Admissions(writ, java.time.Clock.systemUTC());
        var gate = new Gate(settings, writ, admissions);
        var api = new LocalApi(settings.localPort(), Files.readString(settings.localTokenFile()).strip(), gate,
                sessions);

        var sender = new Thread(journal, "writ-journal");
        sender.setDaemon(true);
        sender.start();
        var scheduler = Executors.newScheduledThreadPool(4);
        scheduler.scheduleWithFixedDelay(guarded(admissions), 0, Admissions.POLL.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(recordings), 1, 1, TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(guarded(sessions::readAll), READ_EVERY_MILLIS, READ_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(sessions::checkWrits), settings.livePoll().toMillis(),
                settings.livePoll().toMillis(), TimeUnit.MILLISECONDS);
        api.start();
        LOG.info("the Writ bastion agent of " + settings.bastion() + " answers on 127.0.0.1:" + settings.localPort()
                + "; portal " + settings.writ() + ", entitlements served " + settings.served());
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.severe("a periodic task failed and runs again: " + e);
            }
        };
    }
}
