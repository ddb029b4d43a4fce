package io.writ.web.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** People acting at the same moment: calls released together from a barrier, each on its own thread. */
final class Race {

    private Race() {
    }

    /** Sends the calls at the same moment; their answers, in the order of the calls. */
    @SafeVarargs
    static List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>>... calls) {
        var barrier = new CyclicBarrier(calls.length);
        var threads = Executors.newFixedThreadPool(calls.length);
        try {
            var answers = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (var call : calls) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the race did not start", e);
                    }
                    return call.get();
                }, threads));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdownNow();
        }
    }
}
