package io.writ.bastion;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Events wait here, on the bastion's disk, until the portal has them: appended in order (one JSON a line, forced to
 * disk before the call that made it returns), sent in order by one thread, and forgotten only once the portal
 * answered 202. The portal keeps events by their id, so a batch sent again after a crash is counted as duplicates:
 * each event arrives once. While the portal is away they wait, however long.
 */
final class Journal implements Runnable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    /** The most bytes sent in one request (the portal takes up to 16 MiB and 10,000 events). */
    private static final int BATCH_BYTES = 1 << 20;
    private static final int BATCH_EVENTS = 2_000;
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(5);

    private final Path file;
    private final Path offsetFile;
    private final WritClient writ;
    private final FileChannel out;
    private long sent;
    private volatile boolean away;

    Journal(Path file, WritClient writ) throws IOException {
        this.file = file;
        this.offsetFile = file.resolveSibling(file.getFileName() + ".sent");
        this.writ = writ;
        Files.createDirectories(file.getParent());
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        long mark = Files.exists(offsetFile) ? Long.parseLong(Files.readString(offsetFile).strip()) : 0;
        this.sent = mark <= Files.size(file) ? mark : 0;
    }

    /** Keeps an event (one JSON object) until the portal has it. */
    synchronized void append(String event) {
        try {
            var bytes = StandardCharsets.UTF_8.encode(event.replace("\n", "\\n") + "\n");
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(false);
        } catch (IOException e) {
            throw new IllegalStateException("the journal " + file + " could not be written: " + e, e);
        }
        notifyAll();
    }

    /** Whether the last attempt to send found the portal away. */
    boolean portalAway() {
        return away;
    }

    @Override
    public void run() {
        var backoff = Duration.ofMillis(250);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var batch = nextBatch();
                if (batch == null) {
                    waitForEvents();
                    continue;
                }
                var answer = writ.send(batch.text);
                if (answer.get("rejected") instanceof java.util.List<?> rejected && !rejected.isEmpty()) {
                    LOG.warning("the portal refused " + rejected.size() + " event(s), which are dropped: " + rejected);
                }
                markSent(batch.end);
                if (away) {
                    LOG.info("the portal is back: the events that waited are sent");
                }
                away = false;
                backoff = Duration.ofMillis(250);
            } catch (WritClient.Unreachable e) {
                if (!away) {
                    LOG.warning("events wait on disk (" + file + ") until the portal answers: " + e.getMessage());
                }
                away = true;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MOST_BACKOFF) > 0 ? MOST_BACKOFF : backoff.multipliedBy(2);
            } catch (IOException e) {
                LOG.severe("the journal " + file + " could not be read: " + e);
                sleep(MOST_BACKOFF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Batch(String text, long end) {
    }

    /** The next events to send, whole lines only, or null when everything was sent. */
    private synchronized Batch nextBatch() throws IOException {
        long size = Files.size(file);
        if (sent >= size) {
            return null;
        }
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(sent);
            var buffer = new byte[(int) Math.min(BATCH_BYTES, size - sent)];
            in.readFully(buffer);
            int end = 0;
            int lines = 0;
            for (int i = 0; i < buffer.length && lines < BATCH_EVENTS; i++) {
                if (buffer[i] == '\n') {
                    end = i + 1;
                    lines++;
                }
            }
            if (end == 0) {
                return null;
            }
            return new Batch(new String(buffer, 0, end, StandardCharsets.UTF_8), sent + end);
        }
    }

    /**
     * Records how far the portal has the journal; once it has all of it, the journal starts again empty (the mark
     * is written before the truncation: a crash between the two sends events again, which the portal counts as
     * duplicates, and never skips one).
     */
    private synchronized void markSent(long end) throws IOException {
        if (end == out.size()) {
            persist(0);
            out.truncate(0);
            sent = 0;
        } else {
            persist(end);
            sent = end;
        }
    }

    private void persist(long mark) throws IOException {
        var tmp = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(mark));
        Files.move(tmp, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private synchronized void waitForEvents() throws InterruptedException, IOException {
        if (sent >= out.size()) {
            wait(1_000);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
