package com.authvital.testing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Many requests on loopback from a few clients at once, as anonymous callers would send them, for
 * the tests that show a flood bounded: {@code Flood.send(200_000, 8, i -> junk(i))}. Every request
 * is answered (a failure ends the flood); what comes back is counted by status.
 */
public final class Flood {

    /**
     * How a flood was answered.
     *
     * @param statuses how many answers of each status (the index)
     * @param seconds  how long it took
     */
    public record Result(AtomicIntegerArray statuses, double seconds) {

        /** How many answers had {@code status}. */
        public int count(int status) {
            return statuses.get(status);
        }
    }

    private Flood() {
    }

    /** Sends {@code requests.apply(i)} for each i below {@code count}, from {@code clients} threads. */
    public static Result send(int count, int clients, IntFunction<HttpRequest> requests)
            throws InterruptedException, ExecutionException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger next = new AtomicInteger();
        AtomicIntegerArray statuses = new AtomicIntegerArray(600);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                senders.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        statuses.incrementAndGet(send(client, requests.apply(i)).statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(statuses, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Sends one request, again on a new connection when the server closed the kept-alive one as
     * it was taken (Liberty ends a connection after its 100th request; the JDK client then reads
     * no bytes): at most three times.
     */
    private static HttpResponse<Void> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
