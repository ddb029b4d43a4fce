package io.writ.workflow.review;

import io.writ.domain.audit.AuditEntry;
import io.writ.domain.nhi.NhisWithoutOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Offboarding: NHIs whose owner is disabled or gone are put before the fallback reviewer at once, as a review
 * campaign of their own (an item per NHI): keep it (and name a new owner in Keycloak), convert it to writs, or revoke
 * it. Their owner cannot review them, so {@link StandingAccess} gives the items to the fallback reviewer.
 */
@ApplicationScoped
public class OffboardingReviews {

    private static final Logger LOG = Logger.getLogger(OffboardingReviews.class.getName());

    @Inject
    ReviewDesk reviews;

    void reviewWhenOwnerIsGone(@Observes NhisWithoutOwner gone) {
        var campaign = reviews.start(gone.clientIds(), null, AuditEntry.SYSTEM);
        LOG.info(() -> "Review campaign " + campaign.id() + " started for " + gone.clientIds().size()
                + " NHI(s) without an accountable owner (" + gone.because() + ")");
    }
}
