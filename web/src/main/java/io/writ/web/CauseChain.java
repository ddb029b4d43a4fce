package io.writ.web;

import io.writ.domain.WritException;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where in a failure the answer for the person who asked sits. The process engine, transactions and EJBs wrap what
 * the model throws (a repository's NoSuchWrit arrives inside an EJBTransactionRolledbackException), so the pages and
 * the API look through the whole cause chain, outermost first, and this is the one place that walks it.
 */
public final class CauseChain {

    private CauseChain() {
    }

    /** The outermost cause the test picks, if any. */
    public static Optional<Throwable> first(Throwable failure, Predicate<? super Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The outermost cause of that type, if any. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        return first(failure, type::isInstance).map(type::cast);
    }

    /**
     * The outermost cause that is an answer for the person who asked ({@link #isAnswer}); anything else is the
     * portal's fault and nothing to tell them.
     */
    public static Optional<Throwable> answer(Throwable failure) {
        return first(failure, CauseChain::isAnswer);
    }

    /** Whether this one cause is the model's refusal ({@link WritException}) or an {@link Interruption}. */
    public static boolean isAnswer(Throwable cause) {
        return cause instanceof WritException || Interruption.of(cause).isPresent();
    }
}
