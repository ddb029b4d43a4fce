package io.writ.web.it;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver as a chat tool would run one, in the test JVM: it keeps every post (event header, signature
 * header, body) and answers 204.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One post as received: the raw body, its headers, and the body read as JSON. */
    record Post(String event, String notice, String signature, String body) {

        jakarta.json.JsonObject json() {
            try (var reader = jakarta.json.Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        /** The writ the post is about; null for one about an access review campaign. */
        String writId() {
            var json = json();
            return json.isNull("writ") ? null : json.getJsonObject("writ").getString("id");
        }

        /** Whether the signature is HMAC-SHA256 of the exact body with the shared secret, as a receiver checks it. */
        boolean signedWith(String secret) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                var expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
                return signature != null && java.security.MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start(int port) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            var receiver = new WebhookReceiver(server);
            server.createContext("/writ-events", exchange -> {
                try (exchange) {
                    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    var headers = exchange.getRequestHeaders();
                    receiver.posts.add(new Post(headers.getFirst("X-Writ-Event"), headers.getFirst("X-Writ-Notice"),
                            headers.getFirst("X-Writ-Signature"), body));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + port + " for the webhook", e);
        }
    }

    /** The posts about one writ, in the order received (other tests' writs are posted here too). */
    List<Post> about(String writId) {
        return posts.stream().filter(p -> writId.equals(p.writId())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
