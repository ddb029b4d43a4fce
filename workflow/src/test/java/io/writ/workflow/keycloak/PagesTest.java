package io.writ.workflow.keycloak;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A Keycloak list read page by page, against a stand-in list that answers as Keycloak does (first, max). */
class PagesTest {

    private final List<Integer> asked = new ArrayList<>();

    @Test
    void readsOnUntilAPageIsNotFull() {
        var items = numbers(Pages.SIZE * 2 + 7);

        assertThat(Pages.all(answering(items))).containsExactlyElementsOf(items);
        assertThat(asked).containsExactly(0, Pages.SIZE, Pages.SIZE * 2);
    }

    @Test
    void anEmptyListIsOneQuestion() {
        assertThat(Pages.all(answering(List.of()))).isEmpty();
        assertThat(asked).containsExactly(0);
    }

    @Test
    void afterExactlyFullPagesOneMoreQuestionFindsNothingMore() {
        var items = numbers(Pages.SIZE * 2);

        assertThat(Pages.all(answering(items))).containsExactlyElementsOf(items);
        assertThat(asked).containsExactly(0, Pages.SIZE, Pages.SIZE * 2);
    }

    @Test
    void aShortFirstPageIsAll() {
        var items = numbers(3);

        assertThat(Pages.all(answering(items))).containsExactlyElementsOf(items);
        assertThat(asked).containsExactly(0);
    }

    private Pages.Reader<Integer> answering(List<Integer> items) {
        return (first, max) -> {
            asked.add(first);
            return items.subList(Math.min(first, items.size()), Math.min(first + max, items.size()));
        };
    }

    private static List<Integer> numbers(int count) {
        return IntStream.range(0, count).boxed().toList();
    }
}
