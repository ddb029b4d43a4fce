package io.writ.domain.review;

/** A campaign is open until its deadline, then closed (its report stays). */
public enum CampaignState {
    OPEN,
    CLOSED
}
