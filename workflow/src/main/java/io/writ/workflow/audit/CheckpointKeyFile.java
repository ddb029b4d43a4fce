package io.writ.workflow.audit;

import io.writ.domain.audit.CheckpointSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The checkpoint key pair in a PEM file (private key PKCS#8, public key X.509), created on the first start with
 * permissions 600 and read on every later one. Several portal nodes must share the same file: a checkpoint signed
 * with another key does not verify.
 */
@ApplicationScoped
public class CheckpointKeyFile {

    private static final Logger LOG = Logger.getLogger(CheckpointKeyFile.class.getName());
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN (PRIVATE|PUBLIC) KEY-----([^-]+)-----END \\1 KEY-----");
    private static final String OWNER_ONLY = "rw-------";

    @Inject
    AuditSettings settings;

    private volatile CheckpointSeal seal;

    /** The seal, from the key file; the file is made when there is none. */
    public CheckpointSeal seal() {
        var known = seal;
        if (known == null) {
            synchronized (this) {
                if (seal == null) {
                    seal = CheckpointSeal.of(loadOrCreate(settings.keyFile()));
                }
                known = seal;
            }
        }
        return known;
    }

    public Path path() {
        return settings.keyFile();
    }

    static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit checkpoint key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        var dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        var keys = CheckpointSeal.newKeys();
        var text = "# Writ audit checkpoint key (Ed25519). Keep it secret and keep it: checkpoints signed with it only\n"
                + "# verify with its public half, which the portal publishes at GET /api/v1/audit/checkpoints.\n"
                + pem("PRIVATE", keys.getPrivate().getEncoded()) + pem("PUBLIC", keys.getPublic().getEncoded());
        // Written whole under another name, then linked in place only if there is still no key: a node starting at
        // the same time never reads half a file, and never replaces a key another node already uses.
        var partial = Files.createTempFile(dir, ".audit-key", ".tmp");
        try {
            restrict(partial);
            Files.writeString(partial, text, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, partial);
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                if (noLinks instanceof FileAlreadyExistsException exists) {
                    throw exists;
                }
                Files.move(partial, file); // no hard links here: a move that refuses to replace
            }
            LOG.info(() -> "Created the audit checkpoint key " + file.toAbsolutePath());
        } catch (FileAlreadyExistsException another) {
            LOG.info(() -> "Another node created the audit checkpoint key " + file.toAbsolutePath() + "; using it");
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static KeyPair read(Path file) throws IOException {
        var text = Files.readString(file, StandardCharsets.US_ASCII);
        byte[] privateKey = null;
        byte[] publicKey = null;
        var blocks = BLOCK.matcher(text);
        while (blocks.find()) {
            var der = Base64.getMimeDecoder().decode(blocks.group(2));
            if ("PRIVATE".equals(blocks.group(1))) {
                privateKey = der;
            } else {
                publicKey = der;
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IllegalStateException("the audit checkpoint key " + file
                    + " must hold a PRIVATE KEY and a PUBLIC KEY block (PEM)");
        }
        warnIfReadableByOthers(file);
        try {
            var factory = KeyFactory.getInstance(CheckpointSeal.ALGORITHM);
            var keys = new KeyPair(factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
            var seal = CheckpointSeal.of(keys);
            if (!seal.verifies("writ", seal.sign("writ"))) {
                throw new IllegalStateException("the two keys in " + file + " are not one key pair");
            }
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit checkpoint key " + file + " is not an Ed25519 key pair: "
                    + e.getMessage(), e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + " KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + kind + " KEY-----\n";
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            var open = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            open.retainAll(EnumSet.complementOf(EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
            if (!open.isEmpty()) {
                LOG.warning(() -> "The audit checkpoint key " + file.toAbsolutePath() + " can be read by others "
                        + open + ": chmod 600 it");
            }
        }
    }
}
