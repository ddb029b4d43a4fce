package io.writ.workflow.breakglass;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How short broken glass stays open, and how soon it is reviewed (docs/configuration.md, "Break-glass"). */
@ApplicationScoped
public class BreakGlassSettings {

    /** The longest break-glass window in minutes (shorter still if the entitlement says so). */
    @Inject
    @ConfigProperty(name = "writ.break-glass.max-minutes", defaultValue = "60")
    int maxMinutes;

    /** How long security has for a break-glass writ's post-incident review (ISO-8601 duration). */
    @Inject
    @ConfigProperty(name = "writ.break-glass.review-within", defaultValue = "P2D")
    String reviewWithin;

    public int maxMinutes() { return maxMinutes; }
    public String reviewWithin() { return reviewWithin; }
}
