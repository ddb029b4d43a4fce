package io.writ.bastion;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * What sshd's helpers ask the agent, on the loopback interface only, with the token only root and the gate's
 * account can read (so a person logged in on the bastion can neither ask nor report):
 * <ul>
 *   <li>{@code GET /gate?account=&sshd=}: the account's keys when a writ opens the login (sshd's
 *       {@code AuthorizedKeysCommand}), 403 and the reason otherwise;</li>
 *   <li>{@code POST /sessions} (a form: account, connection, mode, command, home, pid): a session begins, decided
 *       again at that moment; answers {@code id TAB directory TAB coverage};</li>
 *   <li>{@code POST /sessions/end} (id, status): it ended by itself.</li>
 * </ul>
 */
final class LocalApi {

    private static final Logger LOG = Logger.getLogger(LocalApi.class.getName());
    static final String TOKEN_HEADER = "X-Writ-Agent-Token";

    private final HttpServer server;
    private final byte[] token;
    private final Gate gate;
    private final LiveSessions sessions;

    LocalApi(int port, String token, Gate gate, LiveSessions sessions) throws IOException {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.gate = gate;
        this.sessions = sessions;
        // The JDK's server writes an answer's head and body apart; with Nagle's algorithm on, the body waits for the
        // client's delayed acknowledgement of the head (about 40 ms on Linux), which sshd would wait at every login.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/gate", exchange -> answer(exchange, this::gate));
        server.createContext("/sessions", exchange -> answer(exchange, this::sessions));
    }

    void start() {
        server.start();
    }

    private interface Handler {
        Reply handle(HttpExchange exchange, Map<String, String> form) throws IOException;
    }

    private record Reply(int status, String body) {
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Reply reply;
            var given = exchange.getRequestHeaders().getFirst(TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                reply = new Reply(401, "the agent's local token is required");
            } else {
                try {
                    reply = handler.handle(exchange, form(exchange));
                } catch (RuntimeException e) {
                    LOG.severe("a helper's request failed: " + e);
                    reply = new Reply(500, "the agent failed: " + e.getMessage());
                }
            }
            var bytes = (reply.body().endsWith("\n") || reply.body().isEmpty() ? reply.body() : reply.body() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Reply gate(HttpExchange exchange, Map<String, String> form) throws IOException {
        var account = form.get("account");
        var from = Peers.of(parse(form.get("sshd"), -1L)).orElse("an unknown address (sshd process "
                + form.get("sshd") + ")");
        var admission = gate.ask(account, from);
        return admission.admitted() ? new Reply(200, gate.keysOf(account)) : new Reply(403, admission.reason());
    }

    private Reply sessions(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return new Reply(405, "POST only");
        }
        if (exchange.getRequestURI().getPath().equals("/sessions/end")) {
            sessions.end(form.getOrDefault("id", ""), parse(form.get("status"), -1));
            return new Reply(200, "");
        }
        var account = form.get("account");
        var from = from(form.get("connection"));
        var admission = gate.askAgain(account, from);
        if (!admission.admitted()) {
            return new Reply(403, admission.reason());
        }
        var mode = form.getOrDefault("mode", "interactive");
        var s = sessions.start(admission, account, from, mode, form.get("command"),
                form.get("home"), parse(form.get("pid"), -1));
        return new Reply(200, s.id + "\t" + s.dir + "\t" + s.coverage);
    }

    /** sshd's SSH_CONNECTION ("client port server port") as the gate writes a peer: "address port N". */
    static String from(String connection) {
        var parts = connection == null ? new String[0] : connection.strip().split("\\s+");
        return parts.length >= 2 ? parts[0] + " port " + parts[1] : "an unknown address";
    }

    private static long parse(String number, long otherwise) {
        try {
            return Long.parseLong(number == null ? "" : number.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static int parse(String number, int otherwise) {
        return (int) parse(number, (long) otherwise);
    }

    /** The query's and the form body's fields together. */
    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        var fields = new HashMap<String, String>();
        fill(fields, exchange.getRequestURI().getRawQuery());
        fill(fields, new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8));
        return fields;
    }

    private static void fill(Map<String, String> fields, String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (var pair : encoded.split("&")) {
            var at = pair.indexOf('=');
            var name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
            var value = at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
    }
}
