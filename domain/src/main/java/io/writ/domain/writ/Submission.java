package io.writ.domain.writ;

import io.writ.domain.FieldError;
import io.writ.domain.entitlement.Entitlement;
import io.writ.domain.entitlement.RiskTier;
import io.writ.domain.identity.DirectoryIdentity;
import io.writ.domain.stepup.SignIn;
import io.writ.domain.ticket.TicketStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a requester asks for, together with what the application looked up for it: the target identity in the
 * directory (empty when the directory does not know the name), the entitlement in the catalogue (empty when the
 * catalogue does not know it), and the ticket system's answer about the ticket (null when no ticket was named).
 * Field names in errors are the API's.
 *
 * @param requester     who asks (a person, or an NHI asking for itself)
 * @param targetName    who is to receive the entitlement, as asked for: the requester, or an NHI they own
 * @param target        that identity as the directory knows it; empty when it does not
 * @param entitlement   the entitlement asked for, as the catalogue has it; empty when it does not
 * @param ticketStatus  the ticket system's answer about the form's ticket; null when the form names none
 * @param heldStanding  whether the target holds the entitlement already, outside any writ (assigned by hand)
 * @param signIn        how the requester had signed in (their token's acr and auth_time)
 */
public record Submission(String requester, WritForm form, String targetName, Optional<DirectoryIdentity> target,
                         Optional<Entitlement> entitlement, TicketStatus ticketStatus, boolean heldStanding,
                         SignIn signIn) {

    static final int MIN_JUSTIFICATION = 10;
    static final int MAX_NAME = 200;
    static final int MAX_TICKET = 100;

    public Submission {
        if (requester == null || requester.isBlank()) {
            // The requester comes from authentication, never from the form: a missing one is a bug, not bad input.
            throw new IllegalArgumentException("requester is required");
        }
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(entitlement, "entitlement");
        Objects.requireNonNull(signIn, "signIn");
        if (form.ticketRef() != null) {
            Objects.requireNonNull(ticketStatus, "ticketStatus: check the ticket before submitting");
        }
    }

    /**
     * The requester's form with what was found for it.
     *
     * @param target       the identity the form names (or the requester), as the directory knows it
     * @param entitlement  the entitlement the form names, as the catalogue has it
     * @param ticketStatus the ticket system's answer about the form's ticket; null when it names none
     */
    public static Submission of(String requester, WritForm form, Optional<DirectoryIdentity> target,
                                Optional<Entitlement> entitlement, TicketStatus ticketStatus) {
        return of(requester, form, target, entitlement, ticketStatus, false);
    }

    /**
     * The same, knowing whether the target already holds the entitlement outside any writ: then no writ is made.
     * A writ for it would end by removing an assignment Writ never made, and nothing would say so; whether standing
     * access should stay is the access review's question.
     */
    public static Submission of(String requester, WritForm form, Optional<DirectoryIdentity> target,
                                Optional<Entitlement> entitlement, TicketStatus ticketStatus, boolean heldStanding) {
        return new Submission(requester, form, form.targetOr(requester), target, entitlement, ticketStatus,
                heldStanding, SignIn.UNKNOWN);
    }

    /** The same submission, made by a requester who had signed in so. */
    public Submission signedIn(SignIn how) {
        return new Submission(requester, form, targetName, target, entitlement, ticketStatus, heldStanding, how);
    }

    /**
     * An entitlement that asks for step-up is asked for only after a recent sign-in with a second factor: checked
     * once the form is otherwise acceptable, so that a person signs in again only for a request that can go through.
     */
    void requireStepUp(Instant now) {
        entitlement.flatMap(Entitlement::stepUp)
                .ifPresent(stepUp -> stepUp.require(signIn, now, "asking for " + form.entitlementName()));
    }

    public DeclaredScope scope() {
        return form.scope() == null ? DeclaredScope.unrestricted() : form.scope();
    }

    RiskTier riskTier() {
        return entitlement.map(Entitlement::riskTier).orElse(null);
    }

    /** Everything wrong with the submission made now, all at once; empty when it can be accepted. */
    List<FieldError> problems(Instant now) {
        var problems = new ArrayList<FieldError>();
        entitlementProblem().ifPresent(problems::add);
        ticketProblem(now).ifPresent(problems::add);
        justificationProblem().ifPresent(problems::add);
        durationProblem().ifPresent(problems::add);
        targetProblem().ifPresent(problems::add);
        problems.addAll(scope().problems());
        return problems;
    }

    private Optional<FieldError> entitlementProblem() {
        if (form.entitlementName() == null) {
            return error("entitlement", "is required");
        }
        if (entitlement.isEmpty()) {
            return error("entitlement", "no entitlement named '" + form.entitlementName() + "' can be asked for");
        }
        return heldStanding ? error("entitlement", targetName + " already holds " + form.entitlementName()
                + " standing, outside any writ: the access review decides whether it stays (an admin removes it "
                + "before a writ is asked for)") : Optional.empty();
    }

    /**
     * The ticket must back this writ: open, the requester on it (as configured), and a change's planned window
     * holding the writ's, which would run from now for the minutes asked (at the latest; it starts when granted).
     */
    private Optional<FieldError> ticketProblem(Instant now) {
        var ticket = form.ticketRef();
        if (ticket == null) {
            return form.breakGlass() ? Optional.empty()
                    : error("ticket", "is required (only break-glass access may go without one)");
        }
        if (ticket.length() > MAX_TICKET) {
            return error("ticket", "at most " + MAX_TICKET + " characters");
        }
        var minutes = form.durationMinutes() == null ? 0 : form.durationMinutes();
        return ticketStatus.refusal(requester, now, minutes)
                .flatMap(why -> error("ticket", why));
    }

    private Optional<FieldError> justificationProblem() {
        var justification = form.justification();
        if (justification == null || justification.isBlank()) {
            return error("justification", "is required");
        }
        if (justification.strip().length() < MIN_JUSTIFICATION) {
            return error("justification", "at least " + MIN_JUSTIFICATION + " characters: say what the task is");
        }
        return justification.length() > Comments.MAX_TEXT
                ? error("justification", "at most " + Comments.MAX_TEXT + " characters")
                : Optional.empty();
    }

    private Optional<FieldError> durationProblem() {
        var minutes = form.durationMinutes();
        if (minutes == null) {
            return error("durationMinutes", "is required");
        }
        if (minutes < 1) {
            return error("durationMinutes", "must be at least 1 minute");
        }
        return entitlement.filter(e -> minutes > e.maxMinutes())
                .flatMap(e -> error("durationMinutes", "at most " + e.maxMinutes() + " minutes for " + e.name()));
    }

    private Optional<FieldError> targetProblem() {
        if (targetName.length() > MAX_NAME) {
            return error("target", "at most " + MAX_NAME + " characters");
        }
        if (target.isEmpty()) {
            return error("target", "no identity named '" + targetName + "' is known to Keycloak");
        }
        var found = target.get();
        if (!found.enabled()) {
            return error("target", found.username() + " is disabled in Keycloak");
        }
        if (found.isNonHuman() && found.owner() == null) {
            return error("target", found.username()
                    + " is a non-human identity without an accountable owner: give it one before it is elevated");
        }
        if (!found.username().equals(requester) && !requester.equals(found.owner())) {
            return error("target", "you may ask only for yourself or for a non-human identity you own");
        }
        return Optional.empty();
    }

    private static Optional<FieldError> error(String field, String message) {
        return Optional.of(new FieldError(field, message));
    }
}
