package io.writ.bastion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a connection comes from, read from the kernel: sshd 9.2 gives its {@code AuthorizedKeysCommand} no
 * connection token, so the gate names the sshd process that runs it, and the peer of that process's TCP socket is
 * looked up in {@code /proc/net/tcp} and {@code tcp6}. Only an sshd process is looked at.
 */
final class Peers {

    private Peers() {
    }

    /** "address port N" of the sshd process's established connection, if it is one. */
    static Optional<String> of(long pid) {
        var proc = Path.of("/proc", Long.toString(pid));
        try {
            var command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            if (!command.startsWith("sshd")) {
                return Optional.empty();
            }
            var sockets = new HashSet<String>();
            try (var fds = Files.list(proc.resolve("fd"))) {
                for (var fd : fds.toList()) {
                    var target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                }
            }
            return peer(Path.of("/proc/net/tcp"), sockets).or(() -> peer(Path.of("/proc/net/tcp6"), sockets));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> peer(Path table, Set<String> sockets) {
        try {
            for (var line : Files.readAllLines(table)) {
                var f = line.strip().split("\\s+");
                if (f.length > 9 && "01".equals(f[3]) && sockets.contains(f[9])) {
                    var remote = f[2].split(":");
                    return Optional.of(address(remote[0]) + " port " + Integer.parseInt(remote[1], 16));
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The kernel writes addresses as 32-bit words in host (little-endian) order. */
    static String address(String hex) {
        var bytes = new int[hex.length() / 2];
        for (int word = 0; word < hex.length() / 8; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        if (bytes.length == 4) {
            return bytes[0] + "." + bytes[1] + "." + bytes[2] + "." + bytes[3];
        }
        if (bytes[10] == 0xff && bytes[11] == 0xff && java.util.Arrays.stream(bytes, 0, 10).allMatch(b -> b == 0)) {
            return bytes[12] + "." + bytes[13] + "." + bytes[14] + "." + bytes[15];
        }
        var out = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            out.append(i == 0 ? "" : ":").append(Integer.toHexString(bytes[i] << 8 | bytes[i + 1]));
        }
        return out.toString();
    }
}
