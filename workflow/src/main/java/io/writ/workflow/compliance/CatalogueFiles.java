package io.writ.workflow.compliance;

import io.writ.domain.compliance.CrosswalkLink;
import io.writ.domain.compliance.Framework;
import io.writ.domain.compliance.FrameworkCatalogue;
import io.writ.domain.compliance.FrameworkControl;
import io.writ.domain.compliance.MappingEntry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue and the initial mapping, read from the data files under {@code frameworks/} on the class path (kept
 * in the repository: {@code workflow/src/main/resources/frameworks}). Nothing is fetched.
 *
 * <ul>
 *   <li>{@code frameworks.csv}: framework, name, version, source</li>
 *   <li>{@code controls.csv}: framework, control_id, label, title, description</li>
 *   <li>{@code csf-1.1-crosswalk.csv}: csf11_id, relation, csf20_id (from NIST's CSF 2.0 OSCAL catalog)</li>
 *   <li>{@code mapping.csv}: portal_control, framework, control_id, relationship, rationale, note</li>
 * </ul>
 */
public final class CatalogueFiles {

    public static final String MAPPING_FILE = "frameworks/mapping.csv";

    private CatalogueFiles() {
    }

    public static FrameworkCatalogue catalogue() {
        var controls = rows("frameworks/controls.csv");
        var frameworks = new ArrayList<Framework>();
        for (var f : rows("frameworks/frameworks.csv")) {
            var id = f.get("framework");
            var mine = controls.stream().filter(c -> c.get("framework").equals(id))
                    .map(c -> new FrameworkControl(id, c.get("control_id"), c.get("label"), c.get("title"),
                            c.get("description")))
                    .toList();
            frameworks.add(new Framework(id, f.get("name"), f.get("version"), f.get("source"), mine));
        }
        var unknown = controls.stream().map(c -> c.get("framework"))
                .filter(fw -> frameworks.stream().noneMatch(f -> f.id().equals(fw))).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("controls.csv names frameworks that frameworks.csv lacks: " + unknown);
        }
        var crosswalk = rows("frameworks/csf-1.1-crosswalk.csv").stream()
                .map(r -> new CrosswalkLink(r.get("csf11_id"), r.get("relation"), r.get("csf20_id"))).toList();
        return new FrameworkCatalogue(frameworks, crosswalk);
    }

    /** The mapping the first version starts from, each entry checked against the catalogue. */
    public static List<MappingEntry> initialMapping(FrameworkCatalogue catalogue) {
        return rows(MAPPING_FILE).stream()
                .map(r -> MappingEntry.of(r.get("portal_control"), r.get("framework"), r.get("control_id"),
                        r.get("relationship"), r.get("rationale"), r.get("note"), catalogue))
                .toList();
    }

    private static List<Map<String, String>> rows(String resource) {
        var in = CatalogueFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("data file " + resource + " is missing from the class path");
        }
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return CsvRows.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
