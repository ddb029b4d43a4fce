package io.writ.workflow.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature of a webhook body: HMAC-SHA256 of the exact bytes posted, keyed with the shared secret, sent as
 * {@code X-Writ-Signature: sha256=<hex>} (the form GitHub's webhooks use), so a receiver can tell a post from Writ
 * from anyone else's and see that nothing was changed on the way.
 */
public final class NoticeSignature {

    public static final String HEADER = "X-Writ-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private NoticeSignature() {
    }

    /** Whether the header's signature is this body's under the secret, compared in constant time. */
    public static boolean matches(byte[] body, String secret, String header) {
        return java.security.MessageDigest.isEqual(of(body, secret).getBytes(StandardCharsets.US_ASCII),
                header.strip().getBytes(StandardCharsets.US_ASCII));
    }

    public static String of(byte[] body, String secret) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
