package io.writ.domain.review;

import java.util.List;

/**
 * One page of the review items a reviewer still owes a decision on, and how many they owe in all: a fallback
 * reviewer may owe tens of thousands after a campaign over every NHI, and no answer carries them all at once.
 *
 * @param items the page's items, oldest campaign first
 * @param total how many the reviewer owes in all
 */
public record OwedItems(List<ReviewItem> items, long total) {

    public OwedItems {
        items = List.copyOf(items);
    }
}
