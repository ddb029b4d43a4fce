package io.writ.web.api;

import io.writ.domain.stepup.SignIn;
import io.writ.domain.stepup.StepUp;
import io.writ.domain.writ.Approval;
import io.writ.domain.writ.PostAccessReview;
import io.writ.domain.writ.PostIncidentReview;
import io.writ.domain.writ.Writ;
import io.writ.domain.writ.Grant;

import java.time.Instant;
import java.util.List;

/** A writ as the API shows it (docs/api.md, "Writs"). */
public record WritView(String id, String status, String requester, String target, String entitlement,
                       String riskTier, String ticket, int durationMinutes, boolean breakGlass, boolean thirdParty,
                       String sessionCoverage, Instant submittedAt, Integer stepUpMinutes, SignInView requesterSignIn,
                       Integer approvalsRequired, List<ApprovalView> approvals, GrantView grant,
                       ExtensionView extension, PostIncidentReviewView postIncidentReview,
                       PostAccessReviewView postAccessReview) {

    /** Asked once the access is revoked: did the requester (or the NHI's owner) use it as intended. */
    public record PostAccessReviewView(Instant askedAt, Boolean usedAsIntended, String comment, String answeredBy,
                                       Instant answeredAt) {
        static PostAccessReviewView of(PostAccessReview r) {
            return new PostAccessReviewView(r.askedAt(), r.usedAsIntended().orElse(null), r.comment().orElse(null),
                    r.answeredBy().orElse(null), r.answeredAt().orElse(null));
        }
    }

    /** A break-glass writ's post-incident review: when it is due, and who reviewed it with what findings. */
    public record PostIncidentReviewView(Instant due, String reviewedBy, Instant reviewedAt, String findings) {
        static PostIncidentReviewView of(PostIncidentReview r) {
            return new PostIncidentReviewView(r.due(), r.reviewedBy().orElse(null), r.reviewedAt().orElse(null),
                    r.findings().orElse(null));
        }
    }

    public record ExtensionView(int minutes, String state, Instant requestedAt, String decidedBy,
                                SignInView deciderSignIn) {
        static ExtensionView of(io.writ.domain.writ.Extension e) {
            return new ExtensionView(e.minutes(), e.state().name(), e.requestedAt(), e.decidedBy().orElse(null),
                    SignInView.of(e.deciderSignIn()));
        }
    }

    /** How a person had signed in (their token's acr and auth_time); null members when not recorded. */
    public record SignInView(String acr, Instant signedInAt) {
        static SignInView of(SignIn s) {
            return new SignInView(s.acr(), s.at());
        }
    }

    public record ApprovalView(String approver, String decision, String comment, Instant at, SignInView signIn) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(a.approver(), a.decision().name(), a.comment(), a.at(), SignInView.of(a.signIn()));
        }
    }

    /** What was done in Keycloak; keptByWrit and keptUntil when another writ kept the entitlement as this ended. */
    public record GrantView(Instant grantedAt, Instant expiresAt, Instant revokedAt, String revocationReason,
                            Instant confirmedAbsentAt, Instant sessionsLoggedOutAt, String keptByWrit,
                            Instant keptUntil) {
        static GrantView of(Grant g) {
            return new GrantView(g.grantedAt(), g.expiresAt(), g.revokedAt().orElse(null),
                    g.revocationReason().map(Enum::name).orElse(null), g.confirmedAbsentAt().orElse(null),
                    g.sessionsLoggedOutAt().orElse(null), g.keptByWrit().orElse(null), g.keptUntil().orElse(null));
        }
    }

    static WritView of(Writ w) {
        return new WritView(w.id(), w.state().name(), w.requester(), w.target(), w.entitlement(),
                w.riskTier().name(), w.ticket().orElse(null), w.requestedMinutes(), w.breakGlass(), w.thirdParty(),
                w.sessionCoverage().map(Enum::name).orElse(null), w.submittedAt(),
                w.stepUp().map(StepUp::maxAgeMinutes).orElse(null), SignInView.of(w.terms().requesterSignIn()),
                w.policy().map(p -> p.approvalsRequired()).orElse(null),
                w.approvals().stream().map(ApprovalView::of).toList(),
                w.grant().map(GrantView::of).orElse(null),
                w.extension().map(ExtensionView::of).orElse(null),
                w.postIncidentReview().map(PostIncidentReviewView::of).orElse(null),
                w.postAccessReview().map(PostAccessReviewView::of).orElse(null));
    }
}
