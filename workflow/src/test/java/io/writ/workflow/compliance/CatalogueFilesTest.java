package io.writ.workflow.compliance;

import io.writ.domain.compliance.CrosswalkLink;
import io.writ.domain.compliance.Framework;
import io.writ.domain.compliance.FrameworkControl;
import io.writ.domain.compliance.MappingEntry;
import io.writ.domain.compliance.PortalControl;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue and the initial mapping as the repository's data files give them. */
class CatalogueFilesTest {

    final io.writ.domain.compliance.FrameworkCatalogue catalogue = CatalogueFiles.catalogue();

    @Test
    void everyFrameworkOfTheReferenceIsThereWithItsOfficialIds() {
        assertThat(catalogue.frameworks()).extracting(Framework::id).containsExactly("OWASP-NHI-2025",
                "NIST-CSF-2.0", "CSA-MAESTRO", "NIST-800-53-R5", "ISO-27001-2022", "CIS-v8");
        assertThat(catalogue.framework("OWASP-NHI-2025").orElseThrow().controls()).hasSize(10)
                .extracting(FrameworkControl::id).contains("NHI1:2025", "NHI7:2025", "NHI10:2025")
                .noneMatch(id -> id.startsWith("NHI-"));
        assertThat(catalogue.control("OWASP-NHI-2025", "NHI3:2025")).get()
                .extracting(FrameworkControl::title).isEqualTo("Vulnerable Third-Party NHI");
        assertThat(catalogue.control("NIST-CSF-2.0", "PR.AA-05")).get().satisfies(c -> {
            assertThat(c.title()).as("CSF 2.0 subcategories have no title but their id").isEqualTo("PR.AA-05");
            assertThat(c.description()).startsWith("Access permissions, entitlements, and authorizations");
        });
        assertThat(catalogue.control("NIST-CSF-2.0", "PR.AC-04")).as("a CSF 1.1 id is no CSF 2.0 control").isEmpty();
        assertThat(catalogue.control("NIST-800-53-R5", "ac-2.2")).get().extracting(FrameworkControl::label)
                .isEqualTo("AC-2(2)");
        assertThat(catalogue.framework("CSA-MAESTRO").orElseThrow().controls()).extracting(FrameworkControl::id)
                .containsExactly("L1", "L2", "L3", "L4", "L5", "L6", "L7");
        assertThat(catalogue.control("ISO-27001-2022", "A.8.2")).get().extracting(FrameworkControl::title)
                .isEqualTo("Privileged access rights");
        assertThat(catalogue.control("CIS-v8", "6.2")).get().extracting(FrameworkControl::title)
                .isEqualTo("Establish an Access Revoking Process");
    }

    @Test
    void theCrosswalkTakesCsf11IdsToCsf20() {
        assertThat(catalogue.csf20For("PR.AC-4")).extracting(CrosswalkLink::csf20Id).containsExactly("PR.AA-05");
        assertThat(catalogue.csf20For("PR.AC-1")).extracting(CrosswalkLink::csf20Id)
                .containsExactly("PR.AA-01", "PR.AA-05");
        assertThat(catalogue.csf20For("PR.PT-1")).extracting(CrosswalkLink::csf20Id).containsExactly("PR.PS-04");
        assertThat(catalogue.csf20For("PR.IP-11")).extracting(CrosswalkLink::csf20Id).containsExactly("GV.RR-04");
        assertThat(catalogue.csf20For("DE.CM-7")).extracting(CrosswalkLink::csf20Id)
                .containsExactly("DE.CM-01", "DE.CM-03", "DE.CM-06", "DE.CM-09");
    }

    @Test
    void theInitialMappingCoversEveryPortalControlAndCorrectsTheSourceGuidance() {
        var mapping = CatalogueFiles.initialMapping(catalogue);

        assertThat(mapping).extracting(MappingEntry::control).contains(PortalControl.values());
        assertThat(mapping).filteredOn(e -> e.controlId().equals("NHI3:2025")).as("not rotation").isEmpty();
        assertThat(mapping).filteredOn(e -> e.controlId().equals("NHI7:2025")).singleElement()
                .satisfies(e -> assertThat(e.note()).get().asString().contains("NHI-03").contains("NHI7:2025"));
        assertThat(mapping).filteredOn(e -> e.control() == PortalControl.SEPARATION_OF_DUTIES
                        && e.controlId().equals("PR.AA-05")).singleElement()
                .satisfies(e -> assertThat(e.note()).get().asString().contains("PR.AC-4").contains("PR.AA-05"));
    }

    @Test
    void csvFieldsMayHoldCommasQuotesAndLineBreaks() throws Exception {
        var line = CsvRows.line(List.of("a,b", "say \"hi\"", "two\nlines", ""));
        var rows = CsvRows.read(new StringReader("h1,h2,h3,h4\r\n" + line));

        assertThat(rows).singleElement().satisfies(r -> assertThat(r.values())
                .containsExactly("a,b", "say \"hi\"", "two\nlines", ""));
    }
}
