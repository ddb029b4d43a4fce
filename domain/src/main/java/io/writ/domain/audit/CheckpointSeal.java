package io.writ.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * The Ed25519 key that signs checkpoints. Whoever holds only the public key can check a checkpoint, offline, and
 * cannot make one: so a chain rewritten with recomputed hashes still disagrees with the checkpoints signed before.
 */
public final class CheckpointSeal {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey signingKey;
    private final PublicKey publicKey;

    private CheckpointSeal(PrivateKey signingKey, PublicKey publicKey) {
        this.signingKey = signingKey;
        this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    }

    /** A seal that signs and checks, with this key pair. */
    public static CheckpointSeal of(KeyPair keys) {
        return new CheckpointSeal(Objects.requireNonNull(keys.getPrivate(), "private key"), keys.getPublic());
    }

    /** A seal that only checks: what an auditor has. */
    public static CheckpointSeal checking(PublicKey publicKey) {
        return new CheckpointSeal(null, publicKey);
    }

    /** A seal that only checks, from the published key (base64 of its X.509 encoding). */
    public static CheckpointSeal checking(String publicKeyBase64) {
        try {
            return checking(KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** A new key pair. */
    public static KeyPair newKeys() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 and later have Ed25519", e);
        }
    }

    /** The signature of the text, base64. */
    public String sign(String text) {
        if (signingKey == null) {
            throw new IllegalStateException("this seal only checks signatures");
        }
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(signingKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether the signature (base64) is this key's signature of the text. */
    public boolean verifies(String text, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // malformed: not a signature of ours
        }
    }

    /** The public key as published: base64 of its X.509 (SubjectPublicKeyInfo) encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The public key in PEM, as {@code openssl pkeyutl -verify -pubin} reads it. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
