package io.writ.domain.compliance;

import java.util.Objects;

/**
 * One control of a framework, as the catalogue's data files give it.
 *
 * @param framework   the framework's id, e.g. {@code NIST-CSF-2.0}
 * @param id          the control's official id, e.g. {@code PR.AA-05}, {@code NHI7:2025}, {@code ac-2.2}
 * @param label       how the framework writes it for people, e.g. {@code AC-2(2)}
 * @param title       its title (CSF 2.0 subcategories have none officially: their title is their id)
 * @param description a paraphrase, or NIST's own outcome statement for CSF 2.0
 */
public record FrameworkControl(String framework, String id, String label, String title, String description) {

    public FrameworkControl {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(id, "id");
        label = label == null || label.isBlank() ? id : label;
        title = title == null || title.isBlank() ? id : title;
        description = description == null ? "" : description;
    }
}
