package io.writ.bastion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * The terminal recordings of FULL-coverage sessions: made when the session ends (however it ends), kept in the
 * session's directory, and sent to the portal until it has them, checked against its SHA-256. A recording waits
 * ({@code recording.pending}) while the portal is away or does not know the session yet.
 */
final class Recordings implements Runnable {

    private static final Logger LOG = Logger.getLogger(Recordings.class.getName());
    static final String CAST = "recording.cast";
    private static final String PENDING = "recording.pending";
    private static final String SENT = "recording.sent";

    private final Path sessions;
    private final WritClient writ;

    Recordings(Path sessions, WritClient writ) {
        this.sessions = sessions;
        this.writ = writ;
    }

    /** A session ended: under FULL coverage its terminal, if it had one, is made into a recording to send. */
    void ended(String session, String coverage, Path dir, Instant started) {
        var typescript = dir.resolve("typescript");
        if (!"FULL".equals(coverage) || !Files.exists(typescript)) {
            return;
        }
        try {
            Files.write(dir.resolve(CAST), Recording.asciicast(typescript, dir.resolve("timing"), started));
            Files.writeString(dir.resolve(PENDING), session);
        } catch (IOException | RuntimeException e) {
            LOG.severe("the recording of session " + session + " could not be made: " + e);
        }
    }

    @Override
    public void run() {
        if (!Files.isDirectory(sessions)) {
            return;
        }
        try (var dirs = Files.list(sessions)) {
            for (var dir : dirs.toList()) {
                if (Files.exists(dir.resolve(PENDING))) {
                    send(dir);
                }
            }
        } catch (IOException e) {
            LOG.warning("could not look for recordings to send: " + e);
        }
    }

    private void send(Path dir) {
        String session = null;
        try {
            session = Files.readString(dir.resolve(PENDING)).strip();
            var content = Files.readAllBytes(dir.resolve(CAST));
            var sha256 = sha256(content);
            var answer = writ.upload(session, content);
            if (!sha256.equals(answer.get("sha256"))) {
                LOG.severe("the portal keeps the recording of session " + session + " with SHA-256 "
                        + answer.get("sha256") + ", not " + sha256 + " as sent");
                return;
            }
            Files.writeString(dir.resolve(SENT), sha256);
            Files.delete(dir.resolve(PENDING));
            LOG.info("the recording of session " + session + " is kept by the portal (SHA-256 " + sha256 + ")");
        } catch (WritClient.Refused e) {
            if (e.status == 409 || e.status == 400 || e.status == 413) {
                LOG.severe("the portal refused the recording of session " + session + ": " + e.getMessage());
                try {
                    Files.move(dir.resolve(PENDING), dir.resolve("recording.refused"));
                } catch (IOException moved) {
                    LOG.severe("could not mark it refused: " + moved);
                }
            }
        } catch (WritClient.Unreachable e) {
            // the portal is away, or does not know the session yet: the next look sends it
        } catch (IOException e) {
            LOG.severe("the recording in " + dir + " could not be read: " + e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
