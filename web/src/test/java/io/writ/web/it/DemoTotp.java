package io.writ.web.it;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The demo people's one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s), computed from the secrets the demo realm
 * documents (docs/step-up.md), as an authenticator app would. Keycloak accepts a code once and the codes of the
 * neighbouring periods: a code already given out for a person is never given again (the next period's is, and when
 * that too is spent, the test waits for the clock).
 */
final class DemoTotp {

    private static final long PERIOD = 30;
    private static final Map<String, Long> LAST_USED = new HashMap<>();

    private DemoTotp() {
    }

    /** The demo secret of that person, as the realm file holds it. */
    static String secret(String username) {
        var secret = new StringBuilder((username + "-writ-demo-totp"));
        while (secret.length() < 20) {
            secret.append('0');
        }
        return secret.substring(0, 20);
    }

    /** A code for the person that Keycloak has not been given before. */
    static synchronized String freshCode(String username) {
        var now = Instant.now().getEpochSecond() / PERIOD;
        var step = Math.max(now, LAST_USED.getOrDefault(username, Long.MIN_VALUE) + 1);
        if (step > now + 1) {
            // both this period's code and the next one's are spent: wait for the next period to begin
            await().atMost(Duration.ofSeconds(PERIOD + 5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Instant.now().getEpochSecond() / PERIOD >= step - 1);
        }
        LAST_USED.put(username, step);
        return code(secret(username), step);
    }

    static String code(String secret, long step) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA1"));
            var hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            var offset = hash[hash.length - 1] & 0xf;
            var binary = ByteBuffer.wrap(hash, offset, 4).getInt() & 0x7fffffff;
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
