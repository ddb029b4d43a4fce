package io.writ.domain.compliance;

import java.util.List;

/** A framework in the catalogue and the controls of it that apply to privileged access, in the files' order. */
public record Framework(String id, String name, String version, String source, List<FrameworkControl> controls) {

    public Framework {
        controls = List.copyOf(controls);
    }
}
