package io.writ.web.portal;

import io.writ.domain.review.ReviewDecision;
import io.writ.domain.review.ReviewItem;
import io.writ.workflow.review.ReviewDesk;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A reviewer decides the access review items they owe, with each item's usage evidence beside the decision. */
@Named
@ViewScoped
public class ReviewInbox implements Serializable {

    private static final String AGAIN = "/reviews.xhtml?faces-redirect=true";

    /** An item as the page shows it. */
    public record Owed(String id, String kind, String identity, String entitlement, String failureMode,
                       String state, String evidence, boolean unused) implements Serializable {
        static Owed of(ReviewItem i) {
            return new Owed(i.id(), i.kind().name(), i.identity(), i.entitlement(), i.failureMode().name(),
                    i.state().name(), i.evidence().summary(), i.evidence().unused());
        }
    }

    @Inject ReviewDesk reviews;
    @Inject transient SecurityContext security;

    private List<Owed> owed;
    /** How many the reviewer owes in all (the page shows the first page of them). */
    private long owedInAll;
    private final Map<String, String> reasons = new HashMap<>();

    @PostConstruct
    void load() {
        var first = reviews.awaitingDecisionBy(caller(), null, null);
        owed = first.items().stream().map(Owed::of).toList();
        owedInAll = first.total();
    }

    public String keep(String itemId) {
        return decide(itemId, ReviewDecision.KEEP);
    }

    public String revoke(String itemId) {
        return decide(itemId, ReviewDecision.REVOKE);
    }

    public String convertToJit(String itemId) {
        return decide(itemId, ReviewDecision.CONVERT_TO_JIT);
    }

    private String decide(String itemId, ReviewDecision decision) {
        return PageMessages.attempt(() -> reviews.decide(itemId, caller(), decision, reasons.get(itemId)),
                item -> item.entitlement() + " of " + item.identity() + ": " + decision.name() + " recorded"
                        + (decision == ReviewDecision.KEEP ? "" : "; removed in Keycloak and read back"),
                AGAIN, PageMessages.inRow("reason", "reviews:items", owed, Owed::id, itemId));
    }

    private String caller() {
        return security.getCallerPrincipal().getName();
    }

    public List<Owed> getOwed() { return owed; }
    public long getOwedInAll() { return owedInAll; }
    public Map<String, String> getReasons() { return reasons; }
}
