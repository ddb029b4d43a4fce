package io.writ.domain.review;

import io.writ.domain.Conflict;
import io.writ.domain.InvalidRequest;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An access review campaign: the standing access found when it started, each item before its reviewer until the
 * deadline (a reviewer decides an item on the item itself: {@link ReviewItem#decide}). At the deadline undecided
 * items fail closed (revoked) or open (kept, overdue, escalated) as their entitlement says; the campaign then closes
 * and its items are its report.
 */
@Entity
@Table(name = "review_campaign")
public class ReviewCampaign {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private CampaignState state;

    /** The patterns the campaign was limited to, comma-separated; null for everything. */
    @Column(length = 1_000_000)
    private String scope;

    /** The entitlements and NHIs looked at, items or not: when each was last reviewed (one row each). */
    @ElementCollection
    @CollectionTable(name = "review_coverage", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "name", nullable = false)
    private Set<String> covered = new HashSet<>();

    @Column(name = "started_by", nullable = false, length = 200)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(nullable = false)
    private Instant deadline;

    @Column(name = "closed_at")
    private Instant closedAt;

    // Owned by the campaign (no back reference), read only when the campaign acts on all of them (its deadline, its
    // reminders): a campaign over every NHI holds tens of thousands, so a decision reads its one item and the report
    // a page (ReviewCampaignRepository). Each item writes its own campaign_id (set in open): were the join column
    // written from here, Hibernate would find each new item's campaign by scanning the campaign's list for it, once
    // per item, which took minutes at 100,000 items.
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id", insertable = false, updatable = false)
    @OrderBy("entitlement, identity")
    private List<ReviewItem> items = new ArrayList<>();

    @Version
    private long version;

    protected ReviewCampaign() {
        // for JPA
    }

    /**
     * Opens a campaign over the items found now.
     *
     * @param scope   the patterns it was limited to (empty: everything)
     * @param covered the entitlement names and NHI client ids it looked at, items or not
     */
    public static ReviewCampaign open(List<String> scope, Collection<String> covered, List<ReviewItem> items,
                                      String by, Instant now, Instant deadline) {
        Objects.requireNonNull(now, "now");
        if (deadline == null || !deadline.isAfter(now)) {
            throw InvalidRequest.of("deadline", "must lie in the future");
        }
        var c = new ReviewCampaign();
        c.id = UUID.randomUUID().toString();
        c.state = CampaignState.OPEN;
        c.scope = scope == null || scope.isEmpty() ? null : String.join(",", scope);
        c.covered.addAll(covered);
        c.startedBy = Objects.requireNonNull(by, "by");
        c.startedAt = now;
        c.deadline = deadline;
        items.forEach(item -> item.belongTo(c.id));
        c.items.addAll(items);
        return c;
    }

    /**
     * The deadline passed: undecided fail-closed items are marked revoked and returned (the caller removes the
     * access), fail-open ones become overdue; the campaign closes. Closing again returns nothing.
     */
    public List<ReviewItem> closeAtDeadline(Instant now) {
        if (state == CampaignState.CLOSED) {
            return List.of();
        }
        if (now.isBefore(deadline)) {
            throw new Conflict("campaign " + id + " runs until " + deadline);
        }
        var revoke = new ArrayList<ReviewItem>();
        for (var item : items) {
            if (item.missDeadline(now)) {
                revoke.add(item);
            }
        }
        state = CampaignState.CLOSED;
        closedAt = now;
        return revoke;
    }

    /** How many items stand where: the report's counts. */
    public Map<ReviewItemState, Long> counts() {
        var counts = new EnumMap<ReviewItemState, Long>(ReviewItemState.class);
        for (var s : ReviewItemState.values()) {
            counts.put(s, items.stream().filter(i -> i.state() == s).count());
        }
        return counts;
    }

    /** How many items were decided each way (deadline revocations included). */
    public Map<ReviewDecision, Long> decisions() {
        var counts = new EnumMap<ReviewDecision, Long>(ReviewDecision.class);
        for (var d : ReviewDecision.values()) {
            counts.put(d, items.stream().filter(i -> i.decision().filter(d::equals).isPresent()).count());
        }
        return counts;
    }

    /** The items still owed a decision (open or overdue). */
    public List<ReviewItem> undecided() {
        return items.stream().filter(ReviewItem::awaitsDecision).toList();
    }

    public String id() { return id; }
    public CampaignState state() { return state; }
    public List<String> scope() { return scope == null ? List.of() : List.of(scope.split(",")); }
    public String startedBy() { return startedBy; }
    public Instant startedAt() { return startedAt; }
    public Instant deadline() { return deadline; }
    public Optional<Instant> closedAt() { return Optional.ofNullable(closedAt); }
    public List<ReviewItem> items() { return Collections.unmodifiableList(items); }
}
