package io.writ.web.portal;

import io.writ.domain.UtcTime;
import io.writ.domain.writ.ApprovalPolicy;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Extension;
import io.writ.domain.writ.Grant;
import io.writ.domain.writ.WritState;

import java.time.Instant;

/** A writ as the pages show it, read once when the page is built (times in UTC, ready to print). */
public record WritSummary(String id, String requester, String target, String entitlement, String riskTier,
                          String state, String ticket, String justification, String scopeTargets,
                          String scopeCommands, String scopeFileDestinations, int approvalsSoFar,
                          Integer approvalsRequired, int requestedMinutes, boolean breakGlass, String submittedAt,
                          String grantedAt, String endsAt, String endsAtIso, String ending, String extension)
        implements java.io.Serializable {

    static WritSummary of(Writ w) {
        var grant = w.grant();
        return new WritSummary(w.id(), w.requester(), w.target(), w.entitlement(), w.riskTier().name(),
                w.state().name(), w.ticket().orElse("(break-glass)"), w.justification(),
                String.join(", ", w.scope().targets()), String.join(", ", w.scope().commands()),
                String.join(", ", w.scope().fileDestinations()), w.approvalsSoFar(),
                w.policy().map(ApprovalPolicy::approvalsRequired).orElse(null), w.requestedMinutes(), w.breakGlass(),
                UtcTime.minutes(w.submittedAt()), grant.map(Grant::grantedAt).map(UtcTime::minutes).orElse(null),
                grant.map(Grant::expiresAt).map(UtcTime::minutes).orElse(null),
                grant.map(Grant::expiresAt).map(Instant::toString).orElse(null), ending(w),
                w.extension().map(WritSummary::extension).orElse(null));
    }

    public boolean isActive() {
        return WritState.ACTIVE.name().equals(state);
    }

    public boolean isPending() {
        return WritState.PENDING_APPROVAL.name().equals(state);
    }

    /** The tag colour of the state. */
    public String severity() {
        return switch (WritState.valueOf(state)) {
            case ACTIVE -> "success";
            case PENDING_APPROVAL, SUBMITTED, APPROVED -> "warning";
            case REJECTED, CONTAINED, EXPIRED_UNAPPROVED -> "danger";
            default -> "secondary";
        };
    }

    /** How a finished writ ended, beside its state: why access was revoked and who ended it. */
    private static String ending(Writ w) {
        if (!w.state().isFinal()) {
            return null;
        }
        var reason = w.grant().flatMap(Grant::revocationReason).map(r -> r.name().toLowerCase().replace('_', ' '));
        var by = w.endedBy();
        return reason.map(r -> r + by.map(who -> " (" + who + ")").orElse("")).orElse(by.map(who -> "by " + who)
                .orElse(""));
    }

    private static String extension(Extension e) {
        return e.minutes() + " more min: " + e.state().name();
    }
}
