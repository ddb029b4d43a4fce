package io.writ.bastion;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** Written with plain file I/O: a channel would close for good when a thread using it is interrupted. */
    private final RandomAccessFile out;
    private long sent;
    private volatile boolean away;

    Journal(Path file, WritClient writ) throws IOException {
        this.file = file;
        this.offsetFile = file.resolveSibling(file.getFileName() + ".sent");
        this.writ = writ;
        Files.createDirectories(file.getParent());
        this.out = new RandomAccessFile(file.toFile(), "rw");
        if (out.length() > 0) {
            out.seek(out.length() - 1);
            if (out.read() != '\n') {
                out.write('\n'); // a line cut short by a crash: it ends here, and the portal reports it unreadable
            }
        }
        this.sent = mark(offsetFile, out.length());
    }

    /** How far an earlier run got; a mark that cannot be read sends everything again (duplicates, never a loss). */
    private static long mark(Path offsetFile, long size) {
        try {
            long mark = Files.exists(offsetFile) ? Long.parseLong(Files.readString(offsetFile).strip()) : 0;
            return mark >= 0 && mark <= size ? mark : 0;
        } catch (IOException | NumberFormatException e) {
            LOG.warning("the journal's mark " + offsetFile + " could not be read (" + e + "); its events are sent "
                    + "again, and the portal counts those it has as duplicates");
            return 0;
        }
    }

    /** Keeps an event (one JSON object) until the portal has it. */
    synchronized void append(String event) {
        try {
            out.seek(out.length());
            out.write((event.replace("\n", "\\n") + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
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
        if (end == out.length()) {
            persist(0);
            out.setLength(0);
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

    /** Waits for an event to be appended (or a while: a line still being written is looked at again). */
    private synchronized void waitForEvents() throws InterruptedException {
        wait(250);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
