package io.writ.domain.writ;

import io.writ.domain.notice.Notice;

import java.util.stream.Collectors;

/**
 * What a writ writes back to its ticket, so the change or incident record shows what was done under it: the
 * notice's words, the approvals so far (who, when, what they said) and the link to the writ; when it ended, the link
 * to its signed revocation receipt.
 */
public final class TicketComment {

    private TicketComment() {
    }

    /** @param portalUrl the portal's address, without a trailing slash */
    public static String of(Notice notice, Writ writ, String portalUrl) {
        var text = new StringBuilder("Writ ").append(writ.id()).append(": ").append(notice.subject()).append("\n\n")
                .append(notice.body()).append("\n");
        if (!writ.approvals().isEmpty()) {
            text.append("\nDecisions:\n").append(writ.approvals().stream()
                    .map(a -> "- " + a.decision() + " by " + a.approver() + " at " + a.at()
                            + (a.comment() == null || a.comment().isBlank() ? "" : ": " + a.comment()))
                    .collect(Collectors.joining("\n"))).append("\n");
        }
        text.append("\nOpen in Writ: ").append(portalUrl).append("/writ.xhtml?id=").append(writ.id()).append("\n");
        if (writ.endedAt().isPresent()) {
            text.append("Revocation receipt (signed): ").append(portalUrl).append("/api/v1/requests/").append(writ.id())
                    .append("/receipt\n");
        }
        return text.toString();
    }
}
