package io.writ.domain.writ;

/**
 * A request for elevation as the requester sent it (API or page), before anything was looked up.
 *
 * @param target the identity to elevate: null or blank for the requester, or an NHI they own (its client id or its
 *               service account's username)
 */
public record WritForm(String entitlement, String ticket, String justification, Integer durationMinutes,
                       String target, DeclaredScope scope, boolean breakGlass) {

    /** The ticket reference as given, stripped; null when none was given. */
    public String ticketRef() {
        return ticket == null || ticket.isBlank() ? null : ticket.strip();
    }

    /** The entitlement's name as given, stripped; null when none was given. */
    public String entitlementName() {
        return entitlement == null || entitlement.isBlank() ? null : entitlement.strip();
    }

    /** Who is to receive the entitlement: the named target, or the requester when none is named. */
    public String targetOr(String requester) {
        return target == null || target.isBlank() ? requester : target.strip();
    }
}
