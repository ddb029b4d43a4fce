package io.writ.workflow.compliance;

import io.writ.domain.Sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence bundle's manifest, {@code SHA256SUMS}: one line per file, {@code <sha-256 hex>  <name>}, the format
 * {@code sha256sum -c SHA256SUMS} checks, so an auditor needs no tool of ours.
 */
public final class BundleManifest {

    public static final String NAME = "SHA256SUMS";

    private BundleManifest() {
    }

    public static String line(byte[] digest, String name) {
        return Sha256.hex(digest) + "  " + name + "\n";
    }

    /**
     * What does not match the manifest among these files (name → content, the manifest among them): a changed file,
     * a listed file that is missing, a file the manifest does not list. Empty when the bundle is intact.
     */
    public static List<String> problems(Map<String, byte[]> files) {
        var problems = new ArrayList<String>();
        var manifest = files.get(NAME);
        if (manifest == null) {
            return List.of("no " + NAME + " in the bundle");
        }
        var listed = new LinkedHashMap<String, String>();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(manifest),
                StandardCharsets.UTF_8))) {
            String l;
            while ((l = lines.readLine()) != null) {
                if (!l.isBlank()) {
                    int sep = l.indexOf("  ");
                    listed.put(l.substring(sep + 2), l.substring(0, sep));
                }
            }
        } catch (IOException | StringIndexOutOfBoundsException e) {
            return List.of(NAME + " is not a sha256sum manifest");
        }
        listed.forEach((name, hash) -> {
            var content = files.get(name);
            if (content == null) {
                problems.add(name + ": listed but missing");
            } else if (!Sha256.hex(Sha256.digest().digest(content)).equals(hash)) {
                problems.add(name + ": changed (its SHA-256 is not the manifest's)");
            }
        });
        files.keySet().stream().filter(n -> !n.equals(NAME) && !listed.containsKey(n))
                .forEach(n -> problems.add(n + ": not in the manifest"));
        return problems;
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void unchecked(IOException e) {
        throw new UncheckedIOException(e);
    }
}
