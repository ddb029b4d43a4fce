package io.writ.bastion;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a session's helpers write, read line by line: the shell's commands ({@code commands}: the time, the working
 * directory and the command line, each escaped so a command may hold anything) and sftp-server's log
 * ({@code sftp.log}: an {@code open} and a {@code close} per transfer, with the bytes read and written).
 */
final class SessionFiles {

    /** A command the shell reported. */
    record Command(Instant at, String directory, String line) {
    }

    /** A file that went through sftp: to the bastion (upload) or from it (download). */
    record Transfer(String path, boolean upload, long bytes) {
        String detail() {
            return (upload ? "upload" : "download") + (bytes < 0 ? " by scp (legacy protocol), size not measured"
                    : " of " + bytes + " bytes");
        }
    }

    private static final Pattern OPEN = Pattern.compile("open \"(.*)\" flags (\\S+)");
    private static final Pattern LEGACY_SCP =
            Pattern.compile("scp(?: -[a-zA-Z]+)*? -([tf])(?: -[a-zA-Z]+)* (?:-- )?(.+)");
    private static final Pattern CLOSE = Pattern.compile("close \"(.*)\" bytes read (\\d+) written (\\d+)");

    private final Map<String, Boolean> openedForWriting = new HashMap<>();

    private SessionFiles() {
    }

    static SessionFiles sftp() {
        return new SessionFiles();
    }

    /** A line of {@code commands}: {@code <epoch seconds.micros> TAB directory TAB command}, both escaped. */
    static Optional<Command> command(String line) {
        var parts = line.split("\t", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            var seconds = parts[0].split("[.,]");
            var at = Instant.ofEpochSecond(Long.parseLong(seconds[0]),
                    seconds.length > 1 ? Long.parseLong((seconds[1] + "000000000").substring(0, 9)) : 0);
            return Optional.of(new Command(at, unescape(parts[1]), unescape(parts[2]).strip()))
                    .filter(c -> !c.line().isEmpty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A file transfer by scp's legacy protocol ({@code scp -O}), which runs {@code scp -t PATH} (to the bastion) or
     * {@code scp -f PATH} (from it) as a command: the path is known, the size is not measured.
     */
    static Optional<Transfer> legacyScp(String command) {
        var m = LEGACY_SCP.matcher(command == null ? "" : command.strip());
        return m.matches() ? Optional.of(new Transfer(m.group(2), m.group(1).equals("t"), -1)) : Optional.empty();
    }

    /**
     * A line of sftp-server's log: a transfer when it closes a file that was read or written. (OpenSSH's log
     * escapes control characters, so a file name cannot forge a line.)
     */
    Optional<Transfer> sftpLine(String line) {
        var open = OPEN.matcher(line);
        if (open.find()) {
            openedForWriting.put(open.group(1), open.group(2).contains("WRITE"));
            return Optional.empty();
        }
        var close = CLOSE.matcher(line);
        if (!close.find()) {
            return Optional.empty();
        }
        var path = close.group(1);
        long read = Long.parseLong(close.group(2));
        long written = Long.parseLong(close.group(3));
        boolean forWriting = Boolean.TRUE.equals(openedForWriting.remove(path));
        boolean upload = written > 0 || forWriting && read == 0;
        return Optional.of(new Transfer(path, upload, upload ? written : read));
    }

    /** A field as the shell's start-up escapes it: {@code \\ \t \n \r}; any other backslash stands for itself. */
    static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        var out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(i + 1);
                var meant = switch (next) {
                    case '\\' -> "\\";
                    case 't' -> "\t";
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    default -> null;
                };
                if (meant != null) {
                    out.append(meant);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
