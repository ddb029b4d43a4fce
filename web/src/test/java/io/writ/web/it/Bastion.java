package io.writ.web.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo bastion as the tests use it: started and stopped by scripts/bastion.sh (a real sshd from Debian's
 * packages and the Writ bastion agent, as root), and reached by the real ssh and sftp clients with the demo keys.
 */
final class Bastion {

    static final String NAME = "bastion-1";
    static final Path SCRIPT = Path.of(TestEnvironment.property("writ.bastion.script"));
    static final Path KEYS = SCRIPT.getParent().getParent().resolve("data/bastion/keys");
    static final Path AGENT_LOG = Path.of("/var/log/writ-bastion/agent.log");

    private static final Duration CONNECT = Duration.ofSeconds(30);

    private final int port;
    private final Map<String, String> settings;

    private Bastion(int port, Map<String, String> settings) {
        this.port = port;
        this.settings = settings;
    }

    /** Starts the bastion with these settings (scripts/bastion.sh's environment). */
    static Bastion start(int port, Map<String, String> settings) {
        var bastion = new Bastion(port, settings);
        bastion.script("start", Map.of());
        return bastion;
    }

    /** Starts it again (sshd and the agent), with some settings changed: live sessions go on. */
    void restart(Map<String, String> changed) {
        script("start", changed);
    }

    void stop() {
        script("stop", Map.of());
    }

    /** How long the agent's log is now (it keeps the lines of earlier runs). */
    static long agentLogSize() {
        try {
            return Files.exists(AGENT_LOG) ? Files.size(AGENT_LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the agent logged after that length. */
    static String agentLogSince(long size) {
        try (var in = new java.io.RandomAccessFile(AGENT_LOG.toFile(), "r")) {
            in.seek(size);
            var rest = new byte[(int) (in.length() - size)];
            in.readFully(rest);
            return new String(rest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ssh user@bastion command}: its exit status, output (bytes as sent) and errors. */
    Result ssh(String user, String command) {
        return run(sshCommand(user, false, command), null);
    }

    /** {@code sftp -b}: runs the batch of sftp commands as the user. */
    Result sftp(String user, String batch) {
        var command = new ArrayList<>(List.of("sftp", "-P", Integer.toString(port), "-b", "-"));
        command.addAll(options(user));
        command.add(user + "@127.0.0.1");
        return run(command, batch);
    }

    /** An interactive shell (a terminal forced), typed into line by line. */
    Shell shell(String user) {
        try {
            var process = new ProcessBuilder(sshCommand(user, true, null)).redirectErrorStream(true).start();
            return new Shell(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(int status, byte[] output, String errors) {
        String text() {
            return new String(output, StandardCharsets.UTF_8);
        }
    }

    /** A live interactive session. */
    static final class Shell {
        private final Process process;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        private Shell(Process process) {
            this.process = process;
            var reader = new Thread(() -> {
                var buffer = new byte[8192];
                try (var in = process.getInputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        synchronized (seen) {
                            seen.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the session ended
                }
            }, "ssh-shell-output");
            reader.setDaemon(true);
            reader.start();
        }

        void type(String line) {
            try {
                OutputStream in = process.getOutputStream();
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("the session is gone; it said: " + output(), e);
            }
        }

        String output() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        void close() {
            process.destroyForcibly();
        }
    }

    private List<String> sshCommand(String user, boolean terminal, String command) {
        var ssh = new ArrayList<>(List.of("ssh", "-p", Integer.toString(port)));
        if (terminal) {
            ssh.add("-tt");
        }
        ssh.addAll(options(user));
        ssh.add(user + "@127.0.0.1");
        if (command != null) {
            ssh.add(command);
        }
        return ssh;
    }

    private static List<String> options(String user) {
        return List.of("-i", KEYS.resolve(user).toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=" + CONNECT.toSeconds());
    }

    private static Result run(List<String> command, String input) {
        try {
            var process = new ProcessBuilder(command).start();
            try (var in = process.getOutputStream()) {
                if (input != null) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            var errors = new ByteArrayOutputStream();
            var errorReader = new Thread(() -> {
                try (var err = process.getErrorStream()) {
                    err.transferTo(errors);
                } catch (IOException e) {
                    // ended
                }
            });
            errorReader.start();
            var output = process.getInputStream().readAllBytes();
            if (!process.waitFor(CONNECT.toSeconds() * 2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            errorReader.join();
            return new Result(process.exitValue(), output, errors.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void script(String action, Map<String, String> changed) {
        var builder = new ProcessBuilder("bash", SCRIPT.toString(), action).redirectErrorStream(true);
        builder.environment().putAll(settings);
        builder.environment().putAll(changed);
        builder.environment().put("WRIT_BASTION_PORT", Integer.toString(port));
        try {
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("scripts/bastion.sh " + action + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
