package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.ticket.TicketStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a requester asks for, together with what the application looked up for it: the entitlement's risk tier
 * from the catalogue (null when the catalogue does not know the name) and the ticket system's answer about the
 * ticket (null when no ticket was named). Field names in errors are the API's.
 *
 * @param requester       who asks (a person, or an NHI asking for itself)
 * @param target          who would receive the entitlement: the requester, or a non-human identity they own
 * @param targetId        the directory's key for the target (Keycloak's user id), so that a grant and its revocation
 *                        reach that identity even if renamed, and no later account that took its name; null if unknown
 * @param targetOwner     the accountable human owner when the target is a non-human identity; null for a person
 * @param durationMinutes the window asked for; the window starts when the entitlement is granted
 * @param scope           the declared scope; null declares nothing
 * @param thirdParty      the target is a third-party administrator, who needs a sponsor's approval as well
 */
public record Submission(String requester, String target, String targetId, String targetOwner, String entitlement,
                         RiskTier riskTier, Integer maxMinutes, String ticket, TicketStatus ticketStatus, String justification,
                         DeclaredScope scope, Integer durationMinutes, boolean breakGlass, boolean thirdParty) {

    static final int MIN_JUSTIFICATION = 10;
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_TICKET = 100;

    public Submission {
        if (requester == null || requester.isBlank()) {
            // The requester comes from authentication, never from the form: a missing one is a bug, not bad input.
            throw new IllegalArgumentException("requester is required");
        }
        if (ticket != null && !ticket.isBlank()) {
            Objects.requireNonNull(ticketStatus, "ticketStatus: check the ticket before submitting");
        }
        scope = scope == null ? DeclaredScope.unrestricted() : scope;
    }

    /** Everything wrong with the submission, all at once; empty when it can be accepted. */
    List<FieldError> problems() {
        var problems = new ArrayList<FieldError>();
        if (isBlank(entitlement)) {
            problems.add(new FieldError("entitlement", "is required"));
        } else if (riskTier == null) {
            problems.add(new FieldError("entitlement", "no entitlement named '" + entitlement + "' can be asked for"));
        }
        if (isBlank(ticket)) {
            if (!breakGlass) {
                problems.add(new FieldError("ticket", "is required (only break-glass access may go without one)"));
            }
        } else if (ticket.length() > MAX_TICKET) {
            problems.add(new FieldError("ticket", "at most " + MAX_TICKET + " characters"));
        } else if (!ticketStatus.isOpen()) {
            problems.add(new FieldError("ticket", ticketStatus.message()));
        }
        if (isBlank(justification)) {
            problems.add(new FieldError("justification", "is required"));
        } else if (justification.strip().length() < MIN_JUSTIFICATION) {
            problems.add(new FieldError("justification",
                    "at least " + MIN_JUSTIFICATION + " characters: say what the task is"));
        } else if (justification.length() > MAX_TEXT) {
            problems.add(new FieldError("justification", "at most " + MAX_TEXT + " characters"));
        }
        if (durationMinutes == null) {
            problems.add(new FieldError("durationMinutes", "is required"));
        } else if (durationMinutes < 1) {
            problems.add(new FieldError("durationMinutes", "must be at least 1 minute"));
        } else if (maxMinutes != null && durationMinutes > maxMinutes) {
            problems.add(new FieldError("durationMinutes", "at most " + maxMinutes + " minutes for " + entitlement));
        }
        if (isBlank(target)) {
            problems.add(new FieldError("target", "is required"));
        } else if (target.length() > MAX_NAME) {
            problems.add(new FieldError("target", "at most " + MAX_NAME + " characters"));
        } else if (!target.equals(requester) && !requester.equals(targetOwner)) {
            problems.add(new FieldError("target",
                    "you may ask only for yourself or for a non-human identity you own"));
        }
        problems.addAll(scope.problems());
        return problems;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
