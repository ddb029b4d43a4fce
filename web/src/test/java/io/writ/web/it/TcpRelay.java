package io.writ.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to the portal, for a client (the bastion agent) that must find the portal gone and back: while cut,
 * nothing listens on its port and every connection through it is closed, as when the portal is stopped.
 */
final class TcpRelay implements AutoCloseable {

    private final int port;
    private final int to;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    private TcpRelay(int port, int to) {
        this.port = port;
        this.to = to;
    }

    /** A relay on a free loopback port to the loopback port {@code to}. */
    static TcpRelay to(int to) {
        try (var probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var relay = new TcpRelay(probe.getLocalPort(), to);
            probe.close();
            relay.restore();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The portal is away: the port refuses connections and the open ones are closed. */
    synchronized void cut() {
        try {
            if (listening != null) {
                listening.close();
                listening = null;
            }
            for (var socket : open) {
                socket.close();
            }
            open.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The portal is back. */
    synchronized void restore() {
        if (listening != null) {
            return;
        }
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listening = server;
            var acceptor = new Thread(() -> accept(server), "relay-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                var portal = new Socket(InetAddress.getLoopbackAddress(), to);
                open.add(client);
                open.add(portal);
                pipe(client.getInputStream(), portal.getOutputStream(), portal);
                pipe(portal.getInputStream(), client.getOutputStream(), client);
            } catch (IOException e) {
                // closed by cut(), or a connection that failed: the client sees it fail, as it would
            }
        }
    }

    private static void pipe(InputStream in, OutputStream out, Socket closeAfter) {
        var thread = new Thread(() -> {
            try (closeAfter) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other side closed
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        cut();
    }
}
