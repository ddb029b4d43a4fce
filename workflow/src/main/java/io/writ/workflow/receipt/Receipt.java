package io.writ.workflow.receipt;

import io.writ.domain.receipt.Corroboration;
import io.writ.domain.receipt.Corroboration.Step;
import io.writ.domain.receipt.Corroboration.Verdict;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.Writ;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A writ's receipt: each step of its grant and of its revocation with the time it was measured (or "not measured",
 * for writs from before receipts, and "not yet"), the delay from the step before, and Keycloak's own record of the
 * change that corroborates it (or why not). It is complete when every step of the revocation was measured and
 * Keycloak's records corroborate both the grant and the removal; anything less is flagged, saying what.
 *
 * @param steps  the timeline, grant then revocation
 * @param flags  what keeps it from being complete, in words; empty when complete
 */
public record Receipt(Writ writ, List<ReceiptStep> steps, Optional<Corroboration> grantWitness,
                      Optional<Corroboration> revocationWitness, boolean revocationComplete, List<String> flags,
                      Instant issuedAt) {

    /** The format of the signed text, so a verifier knows what it reads. */
    public static final String FORMAT = "writ-receipt/1";

    /**
     * One step: its name, what it means, when it was measured (empty: not measured, or not yet), and a count where
     * it has one (sessions logged out, bastion sessions ended).
     */
    public record ReceiptStep(String name, String label, Optional<Instant> at, boolean measured,
                              Optional<Integer> count, Optional<Duration> afterPrevious) {
    }

    /** The receipt of the writ as it stands, with Keycloak's word on it and the bastion sessions cut off under it. */
    public static Receipt of(Writ writ, Collection<Corroboration> witnesses, List<PrivilegedSession> sessions,
                             Instant now) {
        var grantWitness = witnesses.stream().filter(c -> c.step() == Step.GRANT).findFirst();
        var revocationWitness = witnesses.stream().filter(c -> c.step() == Step.REVOCATION).findFirst();
        var grant = writ.grant();
        var timeline = new Timeline();
        var flags = new ArrayList<String>();
        timeline.add("final-approval", "final approval", writ.decidedAt().or(() -> Optional.of(writ.submittedAt())),
                true, null);
        boolean grantMeasured = grant.map(Grant::grantMeasured).orElse(false);
        timeline.add("role-added", "role added (Keycloak's add answered)",
                grant.filter(g -> g.grantMeasured()).map(Grant::grantedAt), grantMeasured || grant.isEmpty(), null);
        timeline.add("read-back-present", "read back present", grant.map(Grant::confirmedPresentAt), true, null);
        boolean revoked = grant.flatMap(Grant::confirmedAbsentAt).isPresent();
        if (grant.isPresent() && !grantMeasured) {
            flags.add("the grant was recorded before receipts: the time Keycloak answered the add was not measured");
        }
        witnessFlag(Step.GRANT, grant.isPresent(), grantWitness, flags);
        if (grant.flatMap(Grant::keptByWrit).isPresent()) {
            var g = grant.get();
            timeline.add("due", "due (" + g.revocationReason().map(Enum::name).orElse("?") + ")",
                    Optional.of(g.windowEnd()), true, null);
            timeline.add("kept-by-another-writ", "kept: writ " + g.keptByWrit().get() + " holds it until "
                    + g.keptUntil().orElseThrow(), g.keptAt(), true, null);
            flags.add("no revocation of its own: writ " + g.keptByWrit().get() + " kept the entitlement, and its "
                    + "receipt proves the removal");
            return new Receipt(writ, timeline.steps, grantWitness, revocationWitness, false, flags, now);
        }
        if (grant.isPresent() && (revoked || g(grant).endRequestedAt().isPresent() || !now.isBefore(g(grant).expiresAt()))) {
            addRevocation(g(grant), sessions, timeline, flags);
            witnessFlag(Step.REVOCATION, revoked, revocationWitness, flags);
        } else {
            flags.add(grant.isEmpty() ? "not granted" : "not revoked yet: the window runs until "
                    + g(grant).expiresAt());
        }
        return new Receipt(writ, timeline.steps, grantWitness, revocationWitness,
                Corroboration.completeReceipt(writ, witnesses), List.copyOf(flags), now);
    }

    private static Grant g(Optional<Grant> grant) {
        return grant.orElseThrow();
    }

    private static void addRevocation(Grant g, List<PrivilegedSession> sessions, Timeline timeline,
                                      List<String> flags) {
        boolean measured = g.revocationMeasured();
        timeline.add("due", "due (" + g.revocationReason().map(Enum::name).orElse("WINDOW_ENDED") + ")",
                Optional.of(g.windowEnd()), true, null);
        timeline.add("removed", g.confirmedAbsentAt().isPresent() && measured && g.revokedAt().isEmpty()
                        ? "removed: already absent at the last attempt" : "removed (Keycloak's removal answered)",
                g.revokedAt().filter(at -> measured), measured, null);
        timeline.add("read-back-absent", "read back absent", g.confirmedAbsentAt(), true, null);
        timeline.add("sessions-logged-out", "Keycloak sessions logged out", g.sessionsLoggedOutAt(), true,
                g.sessionsLoggedOut().orElse(null));
        var cut = sessions.stream().map(PrivilegedSession::terminatedAt).flatMap(Optional::stream).toList();
        timeline.add("bastion-sessions-ended", "bastion sessions ended (as the bastion measured)",
                cut.stream().max(Instant::compareTo), true, cut.size());
        timeline.add("tokens-rejected-from", "Keycloak refuses tokens issued before (the identity's not-before)",
                g.tokensRejectedFrom(), measured, null);
        timeline.add("token-residue-until", "an older token may still pass offline validation until",
                g.tokenResidueUntil(), measured, null);
        if (g.confirmedAbsentAt().isPresent() && !measured) {
            flags.add("the revocation was recorded before receipts: the removal's answer, the not-before and the "
                    + "token residue were not measured");
        }
        if (measured && g.revokedAt().isEmpty()) {
            flags.add("the removal's answer was not measured: the entitlement was already absent when the revocation's "
                    + "last attempt came (an earlier attempt, or someone else, removed it: Keycloak's record says which)");
        }
        if (measured && g.tokensRejectedFrom().isEmpty()) {
            flags.add("Keycloak showed no not-before for the identity after logging it out");
        }
    }

    private static void witnessFlag(Step step, boolean due, Optional<Corroboration> witness, List<String> flags) {
        if (!due) {
            return;
        }
        var what = step == Step.GRANT ? "grant" : "removal";
        if (witness.isEmpty()) {
            flags.add("Keycloak's record of the " + what + " is not read yet");
        } else if (witness.get().verdict() != Verdict.CORROBORATED) {
            flags.add("Keycloak's record of the " + what + ": " + witness.get().verdict() + ": "
                    + witness.get().detail());
        }
    }

    /** The steps in order, each with its delay from the latest step before it that has a time. */
    private static final class Timeline {
        private final List<ReceiptStep> steps = new ArrayList<>();
        private Instant last;

        void add(String name, String label, Optional<Instant> at, boolean measured, Integer count) {
            var after = at.filter(t -> last != null).map(t -> Duration.between(last, t));
            steps.add(new ReceiptStep(name, label, at, measured, Optional.ofNullable(count), after));
            if (at.isPresent()) {
                last = at.get();
            }
        }
    }

    /** Whether every step of the revocation was measured and Keycloak's records corroborate grant and removal. */
    public boolean complete() {
        return revocationComplete;
    }

    /** The receipt as the JSON text that is signed: fields in a fixed order, times in ISO-8601 UTC. */
    public String signedText() {
        var out = new StringWriter();
        try (var json = Json.createWriter(out)) {
            json.writeObject(toJson());
        }
        return out.toString();
    }

    JsonObject toJson() {
        var steps = Json.createArrayBuilder();
        for (var s : this.steps) {
            var step = Json.createObjectBuilder().add("step", s.name()).add("label", s.label());
            putTime(step, "at", s.at());
            step.add("measured", s.measured());
            s.count().ifPresent(c -> step.add("count", c));
            s.afterPrevious().ifPresentOrElse(d -> step.add("afterPreviousMs", d.toMillis()),
                    () -> step.addNull("afterPreviousMs"));
            steps.add(step);
        }
        var receipt = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("writ", writ.id())
                .add("identity", writ.target());
        putText(receipt, "keycloakUserId", Optional.ofNullable(writ.targetRef().id()));
        receipt.add("entitlement", writ.entitlement())
                .add("state", writ.state().name())
                .add("authentication", authentication())
                .add("steps", steps)
                .add("keycloakRecords", Json.createObjectBuilder()
                        .add("grant", witness(grantWitness))
                        .add("revocation", witness(revocationWitness)))
                .add("complete", revocationComplete);
        var flagList = Json.createArrayBuilder();
        flags.forEach(flagList::add);
        return receipt.add("flags", flagList).add("issuedAt", issuedAt.toString()).build();
    }

    /** How the requester and each approver had signed in (step-up's evidence), and what the entitlement asked. */
    private JsonObjectBuilder authentication() {
        var json = Json.createObjectBuilder();
        writ.stepUp().ifPresentOrElse(s -> json.add("stepUpMinutes", s.maxAgeMinutes()),
                () -> json.addNull("stepUpMinutes"));
        json.add("request", signIn(Json.createObjectBuilder().add("by", writ.requester()),
                writ.terms().requesterSignIn()));
        var decisions = Json.createArrayBuilder();
        writ.approvals().forEach(a -> decisions.add(signIn(Json.createObjectBuilder().add("by", a.approver())
                .add("decision", a.decision().name()), a.signIn())));
        return json.add("decisions", decisions);
    }

    private static JsonObjectBuilder signIn(JsonObjectBuilder json, SignIn signIn) {
        putText(json, "acr", signIn.acrIfKnown());
        putTime(json, "signedInAt", signIn.atIfKnown());
        return json;
    }

    private static JsonObjectBuilder witness(Optional<Corroboration> witness) {
        var json = Json.createObjectBuilder();
        if (witness.isEmpty()) {
            return json.add("verdict", "PENDING");
        }
        var c = witness.get();
        json.add("verdict", c.verdict().name());
        putText(json, "eventId", c.eventId());
        putTime(json, "at", c.eventAt());
        putText(json, "actingAccount", c.actingAccount());
        return json.add("detail", c.detail()).add("checkedAt", c.checkedAt().toString());
    }

    private static void putTime(JsonObjectBuilder json, String name, Optional<Instant> at) {
        at.ifPresentOrElse(t -> json.add(name, t.toString()), () -> json.addNull(name));
    }

    private static void putText(JsonObjectBuilder json, String name, Optional<String> text) {
        text.ifPresentOrElse(t -> json.add(name, t), () -> json.addNull(name));
    }
}
