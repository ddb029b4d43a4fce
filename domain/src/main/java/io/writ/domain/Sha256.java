package io.writ.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, as the audit chain, session digests, evidence bundles and remembered tokens use it. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh digest, for content that arrives in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex of a digest (or any bytes). */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
