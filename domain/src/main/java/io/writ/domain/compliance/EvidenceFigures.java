package io.writ.domain.compliance;

import io.writ.domain.nhi.NhiStanding;
import io.writ.domain.review.ReviewTimeliness;
import io.writ.domain.alert.Alert;
import io.writ.domain.audit.Verdict;
import io.writ.domain.receipt.Corroboration;
import io.writ.domain.session.PrivilegedSession;
import io.writ.domain.session.SessionLink;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.writ.Decision;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Grant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Computes the live evidence of every portal control for a period from the records of that period: the writs
 * submitted in it, the alerts raised in it, the privileged sessions started in it, and the audit chain as verified
 * now. Each figure keeps the records it was computed from, so each number can be traced to them.
 *
 * <p>NHI figures come from Writ's NHI inventory (kept from Keycloak, never read from it here), counted where it is
 * kept; their records are the NHIs that fail, the first of them by client id.
 */
public final class EvidenceFigures {

    private EvidenceFigures() {
    }

    /**
     * @param nhis how the NHI inventory stands (counted where it is kept; the first NHIs of each finding listed)
     */
    public static List<EvidenceFigure> compute(EvidencePeriod period, List<Writ> writs, List<Alert> alerts,
                                               List<PrivilegedSession> sessions, ReviewTimeliness reviews,
                                               NhiStanding nhis, Verdict audit,
                                               Collection<Corroboration> witnesses, Instant now) {
        var inPeriod = writs.stream().filter(w -> period.contains(w.submittedAt())).toList();
        var figures = new ArrayList<EvidenceFigure>();
        figures.add(ticketShare(inPeriod));
        figures.add(separationOfDuties(inPeriod));
        figures.add(decisionsWithStepUp(inPeriod));
        figures.add(overdueGrants(inPeriod, now));
        var lags = revocationLags(inPeriod);
        figures.add(lagFigure("revocation-lag-mean", "Mean time from window end to revocation",
                "Mean of (entitlement read back absent in Keycloak − window end, or the earlier moment its end was "
                        + "asked for) over writs submitted in the period whose revocation was read back", lags, false));
        figures.add(lagFigure("revocation-lag-p99", "p99 time from due to read back absent",
                "99th percentile (nearest rank) of the same durations", lags, true));
        figures.add(completeReceipts(inPeriod, witnesses));
        var periodAlerts = alerts.stream().filter(a -> period.contains(a.raisedAt())).toList();
        figures.add(containedWrits(periodAlerts));
        figures.add(timeToContain(periodAlerts));
        figures.add(unlinkedSessions(sessions.stream().filter(s -> period.contains(s.startedAt())).toList()));
        figures.add(reviewsOnTime(reviews));
        figures.add(nhisWithOwner(nhis));
        figures.add(secretsOlderThanPolicy(nhis));
        figures.add(breakGlassReviewedOnTime(inPeriod, now));
        figures.add(auditChain(audit));
        return List.copyOf(figures);
    }

    private static EvidenceFigure ticketShare(List<Writ> writs) {
        var records = writs.stream().map(w -> new EvidenceRecord("writ", w.id(), w.ticket().isPresent(),
                w.ticket().map(t -> "ticket " + t).orElse("no ticket"))).toList();
        return share("ticket-share", PortalControl.TICKET_BACKED_ELEVATION, "Elevations with a valid ticket",
                "Share of writs submitted in the period that name a ticket; the ticket is checked as open in the "
                        + "ticket system when the writ is submitted, so a named ticket was a valid one", records);
    }

    private static EvidenceFigure decisionsWithStepUp(List<Writ> writs) {
        var records = new ArrayList<EvidenceRecord>();
        for (var w : writs) {
            w.stepUp().ifPresent(stepUp -> w.approvals().forEach(a -> records.add(new EvidenceRecord("decision",
                    w.id() + "/" + a.approver(), StepUp.STRONG_ACR.equals(a.signIn().acr()),
                    a.approver() + (a.decision() == Decision.APPROVE ? " approved " : " rejected ") + w.entitlement()
                            + ", sign-in: "
                            + a.signIn().describe()))));
        }
        return share("step-up-decisions", PortalControl.STEP_UP_AUTHENTICATION,
                "Privileged decisions made with step-up", "Share of the decisions on writs submitted in the period "
                        + "whose entitlement asked for step-up that were made with a sign-in with a second factor "
                        + "(acr " + StepUp.STRONG_ACR + "); the writ refuses any other, so a decision short of it "
                        + "shows a decision recorded before step-up was asked", records);
    }

    private static EvidenceFigure separationOfDuties(List<Writ> writs) {
        var records = new ArrayList<EvidenceRecord>();
        for (var w : writs) {
            for (var a : w.approvals()) {
                var who = a.approver();
                boolean conflict = who.equals(w.requester()) || who.equals(w.target())
                        || w.targetOwner().filter(who::equals).isPresent();
                records.add(new EvidenceRecord("writ", w.id(), !conflict,
                        a.decision().name().toLowerCase(Locale.ROOT) + " by " + who
                                + (conflict ? " (conflict of interest)" : "")));
            }
        }
        return share("sod-clean-approvals", PortalControl.SEPARATION_OF_DUTIES,
                "Approvals without a separation-of-duties violation",
                "Share of decisions on writs submitted in the period taken by someone other than the requester, "
                        + "the receiving identity and that identity's owner", records);
    }

    private static EvidenceFigure overdueGrants(List<Writ> writs, Instant now) {
        var records = writs.stream().filter(w -> w.grant().isPresent()).map(w -> {
            var g = w.grant().orElseThrow();
            boolean overdue = g.windowEnd().isBefore(now) && g.confirmedAbsentAt().isEmpty();
            return new EvidenceRecord("writ", w.id(), !overdue, overdue
                    ? "window ended " + g.windowEnd() + ", not yet read back absent"
                    : "window " + g.grantedAt() + " – " + g.windowEnd());
        }).toList();
        long overdue = records.stream().filter(r -> !r.passes()).count();
        return new EvidenceFigure("grants-past-window", PortalControl.TIME_BOUND_GRANTS,
                "Grants held past their window",
                "Writs submitted in the period whose window has ended but whose entitlement has not been read back "
                        + "as absent in Keycloak (every grant has a window; this counts those outliving it)",
                Optional.of((double) overdue), "count", overdue + " of " + records.size() + " grants", true, records);
    }

    private record Lag(String writ, Duration lag) {
    }

    private static List<Lag> revocationLags(List<Writ> writs) {
        var lags = new ArrayList<Lag>();
        for (var w : writs) {
            w.grant().flatMap(Grant::revocationLag).ifPresent(l -> lags.add(new Lag(w.id(), l)));
        }
        return lags;
    }

    private static EvidenceFigure lagFigure(String key, String name, String definition, List<Lag> lags, boolean p99) {
        var records = lags.stream().map(l -> new EvidenceRecord("writ", l.writ(), true,
                "revoked " + seconds(l.lag()) + " s after the window's end")).toList();
        var samples = lags.stream().map(Lag::lag).toList();
        var value = p99 ? percentile99(samples) : mean(samples);
        return new EvidenceFigure(key, PortalControl.AUTOMATIC_REVOCATION, name, definition,
                value.map(EvidenceFigures::seconds), "s",
                value.map(v -> seconds(v) + " s (" + samples.size() + " revocations)").orElse("no revocation in the period"),
                true, records);
    }

    /**
     * Share of the period's revocations whose receipt is complete: every step measured, and Keycloak's own records
     * corroborating the grant and the removal ({@link Corroboration#completeReceipt}).
     */
    private static EvidenceFigure completeReceipts(List<Writ> writs, Collection<Corroboration> witnesses) {
        var records = writs.stream().filter(w -> w.grant().flatMap(Grant::confirmedAbsentAt).isPresent())
                .map(w -> {
                    boolean complete = Corroboration.completeReceipt(w, witnesses);
                    return new EvidenceRecord("writ", w.id(), complete, complete
                            ? "receipt complete: measured, and corroborated by Keycloak's records"
                            : "receipt incomplete: see GET /api/v1/requests/" + w.id() + "/receipt");
                }).toList();
        return share("revocations-with-complete-receipt", PortalControl.AUTOMATIC_REVOCATION,
                "Revocations with a complete receipt",
                "Share of the revocations of writs submitted in the period whose receipt is complete: the removal, "
                        + "its read-back and the identity's not-before measured, and Keycloak's own admin events "
                        + "corroborating both the grant and the removal", records);
    }

    private static EvidenceFigure containedWrits(List<Alert> alerts) {
        var records = alerts.stream().filter(a -> a.containedAt().isPresent() && a.writId().isPresent())
                .map(a -> new EvidenceRecord("writ", a.writId().orElseThrow(), true,
                        "contained after alert " + a.id() + " (" + a.rule() + ")"))
                .distinct().toList();
        long writs = records.stream().map(EvidenceRecord::id).distinct().count();
        return new EvidenceFigure("contained-writs", PortalControl.CONTAINMENT, "Writs contained",
                "Writs whose grant was revoked by containment after an alert raised in the period",
                Optional.of((double) writs), "count", writs + " writs", true, records);
    }

    private static EvidenceFigure timeToContain(List<Alert> alerts) {
        var records = alerts.stream().filter(a -> a.containedAt().isPresent())
                .map(a -> new EvidenceRecord("alert", a.id(), true, "contained "
                        + seconds(Duration.between(a.raisedAt(), a.containedAt().orElseThrow())) + " s after it was raised"
                        + a.writId().map(w -> " (writ " + w + ")").orElse("")))
                .toList();
        var samples = alerts.stream().filter(a -> a.containedAt().isPresent())
                .map(a -> Duration.between(a.raisedAt(), a.containedAt().orElseThrow())).toList();
        var mean = mean(samples);
        return new EvidenceFigure("time-to-contain-mean", PortalControl.CONTAINMENT, "Mean time to contain",
                "Mean of (containment done − alert raised) over alerts raised in the period that were contained",
                mean.map(EvidenceFigures::seconds), "s",
                mean.map(m -> seconds(m) + " s (" + samples.size() + " containments)").orElse("no containment in the period"),
                true, records);
    }

    private static EvidenceFigure unlinkedSessions(List<PrivilegedSession> sessions) {
        var records = sessions.stream().map(s -> new EvidenceRecord("session", s.id(), s.link() != SessionLink.UNLINKED,
                s.identity() + " via " + s.source() + (s.link() == SessionLink.UNLINKED ? ", no writ covered it"
                        : s.writId().map(w -> " under writ " + w).orElse("")))).toList();
        long unlinked = records.stream().filter(r -> !r.passes()).count();
        return new EvidenceFigure("unlinked-sessions", PortalControl.SESSION_EVIDENCE_LINKING,
                "Unlinked privileged sessions",
                "Privileged sessions started in the period that no writ covered",
                Optional.of((double) unlinked), "count", unlinked + " of " + records.size() + " sessions", true, records);
    }

    /** Share of the NHIs (as the inventory keeps them) with an enabled accountable owner. */
    private static EvidenceFigure nhisWithOwner(NhiStanding nhis) {
        var key = "nhis-with-owner";
        var name = "NHIs with an owner";
        var definition = "Share of the non-human identities in Writ's inventory (kept from Keycloak) whose owner exists and is enabled";
        var records = nhis.unaccountableListed().stream().map(n -> new EvidenceRecord("nhi", n.clientId(), false,
                n.owner() == null ? "no owner" : "owned by " + n.owner() + " (disabled or gone)")).toList();
        if (nhis.total() == 0) {
            return new EvidenceFigure(key, PortalControl.NHI_OWNERSHIP_AND_ROTATION, name, definition,
                    Optional.empty(), "%", "no NHI in the inventory", true, records);
        }
        long owned = nhis.total() - nhis.unaccountable();
        double pct = Math.round(1000.0 * owned / nhis.total()) / 10.0;
        return new EvidenceFigure(key, PortalControl.NHI_OWNERSHIP_AND_ROTATION, name, definition, Optional.of(pct),
                "%", pct + " % (" + owned + " of " + nhis.total() + ")"
                        + listedOf(records.size(), nhis.unaccountable(), "without an accountable owner", "NO_OWNER or "
                        + "OWNER_DISABLED"), true, records);
    }

    /** How many NHI secrets (as the inventory keeps them) are older than the rotation policy, or of an age Keycloak does not say. */
    private static EvidenceFigure secretsOlderThanPolicy(NhiStanding nhis) {
        var records = nhis.secretsDueListed().stream().map(n -> new EvidenceRecord("nhi", n.clientId(), false,
                n.secretAgeDays().map(d -> "secret " + d + " days old").orElse("secret age unknown"))).toList();
        return new EvidenceFigure("secrets-older-than-policy", PortalControl.NHI_OWNERSHIP_AND_ROTATION,
                "Secrets older than policy",
                "NHI secrets in Writ's inventory (kept from Keycloak) older than the rotation policy, or of unknown age",
                Optional.of((double) nhis.secretsDue()), "count", nhis.secretsDue() + " of " + nhis.total()
                + " secrets" + listedOf(records.size(), nhis.secretsDue(), "due", "SECRET_OLDER_THAN_POLICY or "
                + "SECRET_AGE_UNKNOWN"), true, records);
    }

    /** What the records leave out, when they are only the first of those found. */
    private static String listedOf(int listed, long found, String what, String findings) {
        return listed >= found ? "" : "; the first " + listed + " of the " + found + " " + what + " listed (all: "
                + "GET /api/v1/nhis?finding=" + findings + ")";
    }

    /**
     * Share of the period's break-glass writs whose post-incident review was recorded by its deadline; reviews not
     * yet due and not yet done are left out (they are neither on time nor late yet).
     */
    private static EvidenceFigure breakGlassReviewedOnTime(List<Writ> writs, Instant now) {
        var records = writs.stream().filter(Writ::breakGlass)
                .flatMap(w -> w.postIncidentReview().stream().map(review -> Map.entry(w, review)))
                .filter(e -> !e.getValue().isPending() || e.getValue().due().isBefore(now))
                .map(e -> {
                    var review = e.getValue();
                    var onTime = review.reviewedAt().filter(at -> !at.isAfter(review.due())).isPresent();
                    return new EvidenceRecord("writ", e.getKey().id(), onTime, review.reviewedAt()
                            .map(at -> "reviewed by " + review.reviewedBy().orElse("?") + " at " + at + ", due "
                                    + review.due()).orElse("not reviewed; due " + review.due()));
                }).toList();
        return share("break-glass-reviewed-on-time", PortalControl.BREAK_GLASS_REVIEW,
                "Break-glass uses reviewed on time",
                "Share of the period's break-glass writs whose post-incident review was recorded by its deadline "
                        + "(reviews not yet due are left out)", records);
    }

    /**
     * Share of the review items of campaigns started in the period that were decided by their campaign's deadline;
     * items still open before their deadline are left out. Counted where the items are kept (a campaign over every
     * NHI holds tens of thousands); its records are the late items, the first of them.
     */
    private static EvidenceFigure reviewsOnTime(ReviewTimeliness reviews) {
        var key = "reviews-on-time";
        var name = "Access reviews completed on time";
        var definition = "Share of the review items of campaigns started in the period decided by their campaign's "
                + "deadline (items still open before the deadline are left out)";
        var records = reviews.lateListed().stream().map(late -> {
            var item = late.item();
            return new EvidenceRecord("review-item", item.id(), false, item.identity() + " / " + item.entitlement()
                    + ": " + item.decision().map(d -> d + " by " + item.decidedBy().orElse("?") + " at "
                    + item.decidedAt().orElseThrow()).orElse(item.state().name()) + ", campaign "
                    + item.campaignId() + " due " + late.deadline());
        }).toList();
        long counted = reviews.onTime() + reviews.late();
        if (counted == 0) {
            return new EvidenceFigure(key, PortalControl.ACCESS_REVIEWS, name, definition, Optional.empty(), "%",
                    "nothing in the period", true, records);
        }
        double pct = Math.round(1000.0 * reviews.onTime() / counted) / 10.0;
        var listed = records.size() >= reviews.late() ? "" : "; the first " + records.size() + " of the "
                + reviews.late() + " late listed";
        return new EvidenceFigure(key, PortalControl.ACCESS_REVIEWS, name, definition, Optional.of(pct), "%",
                pct + " % (" + reviews.onTime() + " of " + counted + ")" + listed, true, records);
    }

    private static EvidenceFigure auditChain(Verdict v) {
        var records = v.lastCheckpoint().map(c -> List.of(new EvidenceRecord("checkpoint", Long.toString(c.seq()),
                v.valid(), "signed checkpoint at record " + c.seq() + " of " + c.at()))).orElse(List.of());
        return new EvidenceFigure("audit-chain-intact", PortalControl.TAMPER_EVIDENT_AUDIT, "Audit chain intact",
                "The whole hash chain and its signed checkpoints verified when the evidence was read",
                Optional.of(v.valid() ? 1.0 : 0.0), "yes/no", (v.valid() ? "yes: " : "NO: ") + v.summary(), true,
                records);
    }

    private static EvidenceFigure share(String key, PortalControl control, String name, String definition,
                                        List<EvidenceRecord> records) {
        long passing = records.stream().filter(EvidenceRecord::passes).count();
        if (records.isEmpty()) {
            return new EvidenceFigure(key, control, name, definition, Optional.empty(), "%",
                    "nothing in the period", true, records);
        }
        double pct = Math.round(1000.0 * passing / records.size()) / 10.0;
        return new EvidenceFigure(key, control, name, definition, Optional.of(pct), "%",
                pct + " % (" + passing + " of " + records.size() + ")", true, records);
    }

    static Optional<Duration> mean(List<Duration> samples) {
        return samples.isEmpty() ? Optional.empty()
                : Optional.of(samples.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(samples.size()));
    }

    /** Nearest rank: the smallest sample that at least 99 % of the samples do not exceed. */
    static Optional<Duration> percentile99(List<Duration> samples) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        var sorted = samples.stream().sorted().toList();
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }

    private static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
