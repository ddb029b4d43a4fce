package io.writ.domain.compliance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The frameworks and their controls that the mapping may point at, with NIST's CSF 1.1 → 2.0 crosswalk. Read once
 * from the repository's data files; never fetched.
 */
public final class FrameworkCatalogue {

    public static final String CSF_20 = "NIST-CSF-2.0";

    /** CSF 1.1 wrote {@code PR.AC-4}; NIST's OSCAL catalog pads it to {@code PR.AC-04}. */
    private static final Pattern UNPADDED = Pattern.compile("^([A-Z]{2}\\.[A-Z]{2})-(\\d)$");

    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    private final List<CrosswalkLink> crosswalk;

    public FrameworkCatalogue(List<Framework> frameworks, List<CrosswalkLink> crosswalk) {
        frameworks.forEach(f -> this.frameworks.put(f.id(), f));
        this.crosswalk = List.copyOf(crosswalk);
    }

    public List<Framework> frameworks() {
        return List.copyOf(frameworks.values());
    }

    public Optional<Framework> framework(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    public Optional<FrameworkControl> control(String framework, String controlId) {
        return framework(framework).flatMap(f -> f.controls().stream()
                .filter(c -> c.id().equals(controlId)).findFirst());
    }

    public List<CrosswalkLink> crosswalk() {
        return crosswalk;
    }

    /**
     * Where a CSF 1.1 id went in CSF 2.0 ({@code PR.AC-4} → {@code PR.AA-05}); empty when it is no withdrawn 1.1 id.
     * Accepts the id as CSF 1.1 wrote it or as NIST's catalog pads it.
     */
    public List<CrosswalkLink> csf20For(String csf11Id) {
        var id = padded(csf11Id.strip().toUpperCase());
        return crosswalk.stream().filter(l -> l.csf11Id().equals(id)).toList();
    }

    private static String padded(String id) {
        var m = UNPADDED.matcher(id);
        return m.matches() ? m.group(1) + "-0" + m.group(2) : id;
    }
}
