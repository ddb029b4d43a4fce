package io.writ.workflow.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How access review campaigns are paced; every value has a default and an environment variable (docs/configuration.md, "Access reviews"). */
@ApplicationScoped
public class ReviewSettings {

    /** How long reviewers have, unless the start request says otherwise (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "writ.reviews.deadline", defaultValue = "P14D")
    String deadline;

    /** When reviewers who still owe decisions are reminded (ISO-8601 duration after the start). */
    @Inject
    @ConfigProperty(name = "writ.reviews.remind-after", defaultValue = "P7D")
    String remindAfter;

    /**
     * Who reviews when the owner cannot: the owner holds the access under review, or an NHI has no owner. A
     * username; the demo realm's portal administrator by default.
     */
    @Inject
    @ConfigProperty(name = "writ.reviews.fallback-reviewer", defaultValue = "admin")
    String fallbackReviewer;

    /** How often NHI credentials are reviewed, in days (entitlements carry their own cadence). */
    @Inject
    @ConfigProperty(name = "writ.reviews.nhi-cadence-days", defaultValue = "90")
    int nhiCadenceDays;

    public String deadline() { return deadline; }
    public String remindAfter() { return remindAfter; }
    public String fallbackReviewer() { return fallbackReviewer; }
    public int nhiCadenceDays() { return nhiCadenceDays; }
}
