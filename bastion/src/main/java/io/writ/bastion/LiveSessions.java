package io.writ.bastion;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The sessions open on this bastion, each under the writ that admitted it. Their helpers' files are read as they
 * grow and become events (commands, file transfers); while they live, the portal is asked whether their writs still
 * stand, and a session whose writ ended is cut off: its processes are killed, sshd's connection with them, and a
 * {@code SESSION_TERMINATED} event says when.
 */
final class LiveSessions {

    private static final Logger LOG = Logger.getLogger(LiveSessions.class.getName());
    private static final String STATE_FILE = "live.properties";
    /** This run of the agent, in event ids: a restarted agent numbers a session's events anew, under its own run. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    /** One open session. */
    static final class Live {
        final String id;
        final String account;
        final String identity;
        final String writ;
        final String coverage;
        final long pid;
        final Path dir;
        final Instant started;
        final SessionFiles sftp = SessionFiles.sftp();
        long seq;
        long commandsRead;
        long sftpRead;

        Live(String id, String account, String identity, String writ, String coverage, long pid, Path dir,
             Instant started) {
            this.id = id;
            this.account = account;
            this.identity = identity;
            this.writ = writ;
            this.coverage = coverage;
            this.pid = pid;
            this.dir = dir;
            this.started = started;
        }
    }

    private final Settings settings;
    private final Journal journal;
    private final WritClient writ;
    private final Recordings recordings;
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private volatile boolean portalAway;

    LiveSessions(Settings settings, Journal journal, WritClient writ, Recordings recordings) throws IOException {
        this.settings = settings;
        this.journal = journal;
        this.writ = writ;
        this.recordings = recordings;
        recover();
    }

    /**
     * The sessions of an earlier run of the agent: those still running are watched again (so a restarted agent still
     * cuts them off when their writ ends), those that ended meanwhile are recorded as ended, at an unmeasured time.
     */
    private void recover() throws IOException {
        var dir = settings.sessionsDir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var dirs = Files.list(dir)) {
            for (var d : dirs.toList()) {
                var file = d.resolve(STATE_FILE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                var p = new Properties();
                try (var in = Files.newBufferedReader(file)) {
                    p.load(in);
                }
                var s = new Live(p.getProperty("id"), p.getProperty("account"), p.getProperty("identity"),
                        p.getProperty("writ"), p.getProperty("coverage"), Long.parseLong(p.getProperty("pid")), d,
                        Instant.parse(p.getProperty("started", Instant.now().toString())));
                s.commandsRead = Long.parseLong(p.getProperty("commandsRead", "0"));
                s.sftpRead = Long.parseLong(p.getProperty("sftpRead", "0"));
                live.put(s.id, s);
                if (ProcessHandle.of(s.pid).filter(ProcessHandle::isAlive).isPresent()) {
                    LOG.info("session " + s.id + " of " + s.account + " is watched again after the agent's restart");
                } else {
                    ended(s.id, "ended while the agent was stopped (the moment was not measured)");
                }
            }
        }
    }

    /** What a restarted agent needs to go on watching the session (root only, beside its files). */
    private static void save(Live s) {
        var p = new Properties();
        p.setProperty("id", s.id);
        p.setProperty("account", s.account);
        p.setProperty("identity", s.identity);
        p.setProperty("writ", s.writ);
        p.setProperty("coverage", String.valueOf(s.coverage));
        p.setProperty("pid", Long.toString(s.pid));
        p.setProperty("started", s.started.toString());
        p.setProperty("commandsRead", Long.toString(s.commandsRead));
        p.setProperty("sftpRead", Long.toString(s.sftpRead));
        try {
            var tmp = s.dir.resolve(STATE_FILE + ".tmp");
            try (var out = Files.newBufferedWriter(tmp)) {
                p.store(out, "a live session of the Writ bastion agent");
            }
            Files.move(tmp, s.dir.resolve(STATE_FILE), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warning("the state of session " + s.id + " could not be kept (" + e + "); a restart of the agent "
                    + "would not watch it");
        }
    }

    private static void forget(Live s) {
        try {
            Files.deleteIfExists(s.dir.resolve(STATE_FILE));
        } catch (IOException e) {
            LOG.warning("could not remove " + s.dir.resolve(STATE_FILE) + ": " + e);
        }
    }

    /**
     * A session begins under an admission: its directory (root only) is made, and its start (and, for
     * {@code ssh host command}, the command) recorded.
     *
     * @param mode {@code interactive}, {@code command} or {@code sftp}
     */
    Live start(Gate.Admission admission, String account, String from, String mode, String command, String home,
               long pid) throws IOException {
        var id = settings.bastion() + ":" + UUID.randomUUID();
        var dir = settings.sessionsDir().resolve(id.replace(':', '_'));
        var rootOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir, rootOnly);
        var s = new Live(id, account, admission.identity(), admission.writ(), admission.coverage(), pid, dir,
                Instant.now());
        var how = switch (mode) {
            case "interactive" -> "interactive ssh, tty";
            case "sftp" -> "sftp";
            default -> "ssh command";
        };
        synchronized (s) {
            event(s, "SESSION_START", Instant.now(), settings.bastion(), how + ", account " + account
                    + (from == null || from.isBlank() ? "" : ", from " + from), null);
            if ("command".equals(mode)) {
                event(s, "COMMAND", Instant.now(), settings.bastion(), command, home);
                SessionFiles.legacyScp(command).ifPresent(t -> event(s, "FILE_TRANSFER", Instant.now(), t.path(),
                        t.detail(), home));
            }
        }
        live.put(id, s);
        save(s);
        LOG.info("session " + id + " of " + account + " (" + s.identity + ") opened under writ " + s.writ);
        return s;
    }

    /** A session's helper saw it end: what it wrote last is read, and the end recorded. */
    void end(String id, int status) {
        ended(id, "exit status " + status);
    }

    private void ended(String id, String how) {
        var s = live.remove(id);
        if (s == null) {
            return;
        }
        synchronized (s) {
            read(s);
            event(s, "SESSION_END", Instant.now(), settings.bastion(), how, null);
        }
        forget(s);
        recordings.ended(s.id, s.coverage, s.dir, s.started);
        LOG.info("session " + id + " ended (" + how + ")");
    }

    /**
     * Reads what every session's helpers wrote since the last look; a session whose helper is gone without saying
     * so (killed) has ended.
     */
    void readAll() {
        for (var s : live.values()) {
            synchronized (s) {
                read(s);
            }
            if (ProcessHandle.of(s.pid).filter(ProcessHandle::isAlive).isEmpty()) {
                ended(s.id, "its recorder is gone (killed)");
            }
        }
    }

    /** Asks the portal which sessions' writs ended, and cuts those off. */
    void checkWrits() {
        if (live.isEmpty()) {
            return;
        }
        var asked = new ArrayList<Map<String, String>>();
        live.values().forEach(s -> asked.add(Map.of("session", s.id, "identity", s.identity, "writ", s.writ)));
        List<Map<String, Object>> endings;
        try {
            endings = writ.toEnd(asked);
        } catch (WritClient.Unreachable e) {
            if (!portalAway) {
                LOG.warning("live sessions go on while the portal is away; new logins are refused: "
                        + e.getMessage());
            }
            portalAway = true;
            return;
        }
        portalAway = false;
        for (var ending : endings) {
            var s = live.get(String.valueOf(ending.get("session")));
            if (s != null) {
                terminate(s, String.valueOf(ending.get("reason")));
            }
        }
    }

    int count() {
        return live.size();
    }

    private void terminate(Live s, String reason) {
        synchronized (s) {
            if (live.remove(s.id) == null) {
                return;
            }
            read(s);
            int killed = kill(s);
            var at = Instant.now();
            event(s, "SESSION_TERMINATED", at, settings.bastion(), "cut off by the bastion: " + reason + "; "
                    + killed + " process(es) ended", null);
            forget(s);
            recordings.ended(s.id, s.coverage, s.dir, s.started);
            LOG.info("session " + s.id + " of " + s.account + " cut off at " + at + ": " + reason);
        }
    }

    /** Kills the session's processes and sshd's processes of its connection; how many were ended. */
    private int kill(Live s) {
        var root = ProcessHandle.of(s.pid);
        if (root.isEmpty()) {
            return 0;
        }
        var connection = ancestors(root.get())
                .filter(p -> commandLine(p).matches("sshd: " + java.util.regex.Pattern.quote(s.account) + "(@| ).*"))
                .toList();
        var processes = new ArrayList<ProcessHandle>();
        root.get().descendants().forEach(processes::add);
        processes.add(root.get());
        processes.forEach(ProcessHandle::destroyForcibly);
        connection.forEach(ProcessHandle::destroyForcibly);
        return processes.size() + connection.size();
    }

    private static Stream<ProcessHandle> ancestors(ProcessHandle p) {
        return Stream.iterate(p.parent(), java.util.Optional::isPresent, h -> h.get().parent())
                .map(java.util.Optional::get).limit(8);
    }

    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    private void read(Live s) {
        long commands = s.commandsRead;
        long sftp = s.sftpRead;
        s.commandsRead = readLines(s.dir.resolve("commands"), s.commandsRead, line ->
                SessionFiles.command(line).ifPresent(c ->
                        event(s, "COMMAND", c.at(), settings.bastion(), c.line(), c.directory())));
        s.sftpRead = readLines(s.dir.resolve("sftp.log"), s.sftpRead, line ->
                s.sftp.sftpLine(line).ifPresent(t ->
                        event(s, "FILE_TRANSFER", Instant.now(), t.path(), t.detail(), null)));
        if (commands != s.commandsRead || sftp != s.sftpRead) {
            save(s);
        }
    }

    /** Calls {@code each} for every whole line after {@code from}; where the next look starts. */
    private static long readLines(Path file, long from, java.util.function.Consumer<String> each) {
        if (!Files.exists(file)) {
            return from;
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size <= from) {
                return from;
            }
            in.seek(from);
            var bytes = new byte[(int) Math.min(size - from, 1 << 20)];
            in.readFully(bytes);
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    each.accept(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return from + start;
        } catch (IOException e) {
            LOG.warning("could not read " + file + ": " + e);
            return from;
        }
    }

    private void event(Live s, String type, Instant at, String target, String detail, String directory) {
        var e = new LinkedHashMap<String, Object>();
        e.put("eventId", s.id + "#" + RUN + "." + (++s.seq));
        e.put("sessionId", s.id);
        e.put("identity", s.identity);
        e.put("type", type);
        e.put("at", at.toString());
        e.put("target", clip(target, 1000));
        e.put("detail", clip(detail, 4000));
        e.put("directory", clip(directory, 1000));
        e.put("writ", s.writ);
        journal.append(Json.write(e));
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
