package io.writ.bastion;

import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The agent's log, written by a thread of its own: a login's line is queued, not written while sshd waits (the
 * JDK's console handler writes under one lock, and twenty logins at once queued on it). Lines are written in the
 * order they were logged; at the JVM's exit the queue is written out.
 */
final class QueuedLog extends Handler {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(100_000);
    private final PrintStream out;

    private QueuedLog(PrintStream out) {
        this.out = out;
        setFormatter(new SimpleFormatter());
        var writer = new Thread(this::write, "writ-log");
        writer.setDaemon(true);
        writer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::flush, "writ-log-flush"));
    }

    /** Replaces the root logger's handlers by one that writes to standard error from its own thread. */
    static void install() {
        LogManager.getLogManager().reset();
        Logger.getLogger("").addHandler(new QueuedLog(System.err));
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record) && !lines.offer(getFormatter().format(record))) {
            out.print(getFormatter().format(record)); // the writer is far behind: this line waits for nobody else
        }
    }

    private void write() {
        try {
            while (true) {
                out.print(lines.take());
                String next;
                while ((next = lines.poll()) != null) {
                    out.print(next);
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void flush() {
        String next;
        while ((next = lines.poll()) != null) {
            out.print(next);
        }
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
