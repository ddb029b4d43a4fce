package io.writ.web.portal;

import io.writ.domain.receipt.Corroboration;
import io.writ.workflow.receipt.Receipt;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A writ's receipt as its page shows it: the steps with their times and delays, Keycloak's word, what is missing. */
public record ReceiptView(List<Step> steps, String grantRecord, String revocationRecord, boolean complete,
                          List<String> flags) implements Serializable {

    /** One step: what, when (or why no time), how long after the step before, and its count if it has one. */
    public record Step(String name, String label, String at, String atIso, String delay, String count)
            implements Serializable {
    }

    static ReceiptView of(Receipt r) {
        var steps = r.steps().stream().map(s -> new Step(s.name(), s.label(),
                s.at().map(ReceiptView::seconds).orElse(s.measured() ? "not yet" : "not measured"),
                s.at().map(Instant::toString).orElse(null),
                s.afterPrevious().map(ReceiptView::delay).orElse(""),
                s.count().map(String::valueOf).orElse(null))).toList();
        return new ReceiptView(steps, record(r.grantWitness()), record(r.revocationWitness()), r.complete(),
                r.flags());
    }

    private static String record(Optional<Corroboration> witness) {
        return witness.map(c -> c.verdict() + c.eventId().map(id -> ": event " + id).orElse("")
                        + c.eventAt().map(at -> " at " + seconds(at)).orElse("") + " (" + c.detail() + ")")
                .orElse("not read yet");
    }

    private static String seconds(Instant at) {
        return at.toString().replaceFirst("(\\.\\d{3})\\d*Z$", "$1Z");
    }

    private static String delay(Duration d) {
        return d.isNegative() ? "−" + d.negated().toMillis() + " ms" : "+" + (d.toMillis() < 10_000 ? d.toMillis()
                + " ms" : d.toSeconds() + " s");
    }
}
