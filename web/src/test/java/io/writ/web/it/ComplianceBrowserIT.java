package io.writ.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;


import static io.writ.web.it.Writs.openTicket;
import static io.writ.web.it.Writs.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance page in Chromium, as erin uses it: coverage per framework with the gaps, the evidence of the period
 * with the records behind a figure, a wrong period and a wrong control id named beside their fields, the export
 * buttons downloading with the page's login; a requester cannot open the page nor its downloads.
 */
@ExtendWith(TestPortal.class)
@ResourceLock(TestPortal.FIGURES)
class ComplianceBrowserIT {

    @Test
    void erinReadsCoverageAndEvidenceDrillsDownAndExports() {
        var writ = Writs.submitted(token("alice"), "billing-read", openTicket(), 30);

        try (var erin = Person.signIn("erin")) {
            erin.open("/compliance.xhtml", By.id("figure-audit-chain-intact"));
            assertThat(erin.text(By.id("figure-audit-chain-intact"))).startsWith("yes:");
            assertThat(erin.text(By.id("figure-reviews-on-time"))).isNotBlank();
            var nhi = erin.browser.findElement(By.id("heatmap-OWASP-NHI-2025"));
            assertThat(nhi.findElement(By.xpath(".//span[contains(@class,'writ-cell-gap')][.='NHI3:2025']"))
                    .getAttribute("title")).contains("Vulnerable Third-Party NHI").contains("not covered");
            assertThat(nhi.findElement(By.xpath(".//span[.='NHI7:2025']")).getAttribute("class"))
                    .doesNotContain("gap");
            erin.screenshot("compliance-evidence");
            erin.scrollTo(nhi);
            erin.screenshot("compliance-coverage-heatmap");

            var ticketRow = erin.browser.findElement(By.xpath("//tr[.//span[@id='figure-ticket-share']]"));
            ticketRow.findElement(By.className("ui-row-toggler")).click();
            var link = erin.waitFor(By.xpath("//a[contains(@href,'writ.xhtml?id=" + writ + "')]"),
                    "the drill-down to the writ");
            assertThat(link.getText()).isEqualTo("writ " + writ);
            erin.scrollTo(link);
            erin.screenshot("compliance-drill-down");

            assertThat(erin.status("/compliance/export?format=csv")).as("the CSV button").isEqualTo(200);
            assertThat(erin.status("/compliance/export?format=pdf")).as("the PDF button").isEqualTo(200);
            assertThat(erin.status("/compliance/export?format=word")).isEqualTo(400);

            var from = erin.browser.findElement(By.id("period:from"));
            from.clear();
            from.sendKeys("last tuesday");
            erin.browser.findElement(By.id("period:show")).click();
            assertThat(erin.waitFor(By.cssSelector("#period .ui-message-error"), "the period's field error").getText())
                    .contains("from").contains("not an ISO date");
            erin.screenshot("compliance-wrong-period");

            erin.open("/compliance.xhtml", By.id("edit:save"));
            var version = erin.text(By.id("mapping-version"));
            choose(erin, "edit:portalControl_input", "SEPARATION_OF_DUTIES");
            choose(erin, "edit:framework_input", "NIST-CSF-2.0");
            erin.browser.findElement(By.id("edit:controlId")).sendKeys("PR.AC-4");
            erin.browser.findElement(By.id("edit:rationale")).sendKeys("least privilege and separation of duties");
            erin.browser.findElement(By.id("edit:save")).click();
            var error = erin.waitFor(By.cssSelector("#edit .ui-message-error"), "the control id's field error");
            assertThat(error.getText()).contains("withdrawn CSF 1.1 id").contains("PR.AA-05");
            assertThat(erin.text(By.id("mapping-version"))).as("nothing changed").isEqualTo(version);
            erin.scrollTo(error);
            erin.screenshot("compliance-wrong-control-id");
        }

        try (var alice = Person.signIn("alice")) {
            alice.open("/index.xhtml", By.id("signed-in-user"));
            assertThat(alice.browser.findElements(By.id("nav-compliance"))).isEmpty();
            assertThat(alice.status("/compliance.xhtml")).isEqualTo(403);
            assertThat(alice.status("/compliance/export?format=csv")).isEqualTo(403);
        }
        // Ended, so that no later test finds alice holding billing-read through this writ.
        Writs.awaitStatus("alice", writ, "ACTIVE", java.time.Duration.ofSeconds(30));
        assertThat(Http.post("/api/v1/requests/" + writ + "/end", token("alice"), "").statusCode()).isEqualTo(200);
    }

    /** Picks an option of a PrimeFaces select menu through its hidden native select (submitted with the form). */
    private static void choose(Person person, String selectId, String value) {
        ((JavascriptExecutor) person.browser).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1];", selectId, value);
    }
}
