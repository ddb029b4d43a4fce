package io.writ.workflow.writ;

import io.writ.domain.writ.DeclaredScope;

/**
 * A request for elevation as the requester sent it (API or page), before anything was looked up.
 *
 * @param target the identity to elevate: null for the requester, or an NHI they own (client id or service-account user)
 */
public record WritForm(String entitlement, String ticket, String justification, Integer durationMinutes,
                                   String target, DeclaredScope scope, boolean breakGlass) {
}
