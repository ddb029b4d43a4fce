package io.writ.domain.review;

import io.writ.domain.UtcTime;
import io.writ.domain.entitlement.ReviewFailureMode;
import io.writ.domain.notice.Audience;
import io.writ.domain.notice.Notice;
import io.writ.domain.notice.NoticeKind;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** What reviewers of an access review campaign are told, and in which words. */
public final class ReviewNotices {

    private ReviewNotices() {
    }

    /** A campaign started: each reviewer is asked to decide their items by the deadline. */
    public static Notice reviewNeeded(ReviewCampaign c, String reviewer, List<ReviewItem> items, Instant now) {
        return Notice.aboutCampaign(NoticeKind.REVIEW_NEEDED, c.id(), Audience.people(List.of(reviewer)),
                "Access review: " + items.size() + " item(s) to decide by " + UtcTime.minutes(c.deadline()),
                "An access review campaign asks you whether this standing access should persist. Keep it (say why), "
                        + "revoke it, or convert it to just-in-time on your Access reviews page.\n\n"
                        + itemLines(items), now);
    }

    /** The campaign runs on: a reviewer who still owes decisions is reminded. */
    public static Notice reviewReminder(ReviewCampaign c, String reviewer, List<ReviewItem> items, Instant now) {
        return Notice.aboutCampaign(NoticeKind.REVIEW_NEEDED, c.id(), Audience.people(List.of(reviewer)),
                "Reminder, access review: " + items.size() + " item(s) still to decide by "
                        + UtcTime.minutes(c.deadline()),
                "These items still await your decision on your Access reviews page.\n\n" + itemLines(items), now);
    }

    /** Fail-open items missed the deadline: kept, and escalated to the reviewer and the fallback reviewer. */
    public static Notice reviewOverdue(ReviewCampaign c, String reviewer, String escalatedTo, List<ReviewItem> items,
                                       Instant now) {
        var people = new LinkedHashSet<String>(List.of(reviewer, escalatedTo));
        return Notice.aboutCampaign(NoticeKind.REVIEW_OVERDUE, c.id(), Audience.people(people),
                "Overdue access review: " + items.size() + " item(s) of " + reviewer + " not decided by "
                        + UtcTime.minutes(c.deadline()),
                "The deadline passed without a decision; these entitlements fail open, so the access was kept and "
                        + "is marked overdue. " + reviewer + " still decides them on the Access reviews page; "
                        + escalatedTo + " is told as the escalation.\n\n" + itemLines(items), now);
    }

    private static String itemLines(List<ReviewItem> items) {
        var lines = new StringBuilder();
        // The body is cut to its maximum anyway: a campaign of 100,000 items must not write megabytes to cut them off.
        for (var i : items) {
            if (lines.length() > Notice.MAX_BODY) {
                break;
            }
            lines.append("- ").append(i.entitlement()).append(" held by ").append(i.identity()).append(" (")
                    .append(i.failureMode() == ReviewFailureMode.FAIL_CLOSED ? "revoked if not reviewed"
                            : "kept and escalated if not reviewed").append("); ").append(i.evidence().summary())
                    .append('\n');
        }
        return lines.toString();
    }
}
