package io.writ.domain.compliance;

import io.writ.domain.InvalidRequest;
import io.writ.domain.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Edits of the mapping make new versions and keep the old ones; entries are checked against the catalogue. */
class MappingVersionTest {

    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    static final FrameworkCatalogue CATALOGUE = new FrameworkCatalogue(List.of(
            new Framework("NIST-CSF-2.0", "NIST CSF", "2.0", "nist", List.of(
                    new FrameworkControl("NIST-CSF-2.0", "PR.AA-05", null, null, "least privilege"),
                    new FrameworkControl("NIST-CSF-2.0", "PR.PS-04", null, null, "logs"))),
            new Framework("OWASP-NHI-2025", "OWASP NHI", "2025", "owasp", List.of(
                    new FrameworkControl("OWASP-NHI-2025", "NHI7:2025", null, "Long-Lived Secrets", "")))),
            List.of(new CrosswalkLink("PR.AC-04", "moved_to", "PR.AA-05")));

    static MappingEntry entry(String control, String fw, String id, String rationale) {
        return MappingEntry.of(control, fw, id, "intersects-with", rationale, null, CATALOGUE);
    }

    @Test
    void anEditMakesTheNextVersionAndLeavesTheFormerUnchanged() {
        var v1 = MappingVersion.initial(List.of(entry("SEPARATION_OF_DUTIES", "NIST-CSF-2.0", "PR.AA-05", "a")),
                "mapping.csv", T0);

        var v2 = v1.with(entry("TAMPER_EVIDENT_AUDIT", "NIST-CSF-2.0", "PR.PS-04", "chain"), "erin", T0.plusSeconds(1));
        var v3 = v2.with(entry("SEPARATION_OF_DUTIES", "NIST-CSF-2.0", "PR.AA-05", "b"), "erin", T0.plusSeconds(2));
        var v4 = v3.without(PortalControl.TAMPER_EVIDENT_AUDIT, "NIST-CSF-2.0", "PR.PS-04", "erin", T0.plusSeconds(3));

        assertThat(List.of(v1, v2, v3, v4)).extracting(MappingVersion::number).containsExactly(1, 2, 3, 4);
        assertThat(v1.entries()).extracting(MappingEntry::rationale).containsExactly("a");
        assertThat(v2.entries()).hasSize(2);
        assertThat(v3.covering("NIST-CSF-2.0", "PR.AA-05")).extracting(MappingEntry::rationale).containsExactly("b");
        assertThat(v3.change()).startsWith("changed SEPARATION_OF_DUTIES → NIST-CSF-2.0 PR.AA-05");
        assertThat(v4.covering("NIST-CSF-2.0", "PR.PS-04")).as("a gap again").isEmpty();
        assertThat(v4.createdBy()).isEqualTo("erin");
        assertThatThrownBy(() -> v4.without(PortalControl.TAMPER_EVIDENT_AUDIT, "NIST-CSF-2.0", "PR.PS-04", "erin", T0))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void everyWrongFieldOfAnEntryIsNamed() {
        var e = catchThrowableOfType(InvalidRequest.class, () -> MappingEntry.of("COFFEE", "NIST-CSF-9", "X",
                "same-as", " ", null, CATALOGUE));

        assertThat(e.errors()).extracting(f -> f.field())
                .containsExactly("portalControl", "framework", "relationship", "rationale");
    }

    @Test
    void aWithdrawnCsf11IdIsRefusedWithItsCsf20Successor() {
        var e = catchThrowableOfType(InvalidRequest.class, () -> MappingEntry.of("SEPARATION_OF_DUTIES",
                "NIST-CSF-2.0", "PR.AC-4", "intersects-with", "why", null, CATALOGUE));

        assertThat(e.errors()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("controlId");
            assertThat(f.message()).contains("withdrawn CSF 1.1 id").contains("PR.AA-05");
        });
        assertThat(CATALOGUE.csf20For("PR.AC-4")).extracting(CrosswalkLink::csf20Id).containsExactly("PR.AA-05");
    }
}
