package com.authvital.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load on loopback: a fixed number of threads, each sending its next GET as
 * soon as the previous one is answered, until a fixed number of requests has been sent. Every
 * request carries the same {@code Authorization} header; any answer but 200 is counted as an error.
 */
final class LoadDriver implements AutoCloseable {

    /** One run: how many requests, how many failed, how long it took. */
    record Run(int requests, long errors, long nanos) {
        double perSecond() {
            return requests * 1e9 / nanos;
        }
    }

    private final int concurrency;
    private final ExecutorService workers;
    private final HttpClient http;

    LoadDriver(int concurrency) {
        this.concurrency = concurrency;
        this.workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "load-driver");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends {@code requests} GETs of {@code uri} over the threads; gives up after {@code limit}. */
    Run run(URI uri, String authorization, int requests, Duration limit) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build();
        AtomicInteger left = new AtomicInteger(requests);
        AtomicLong errors = new AtomicLong();
        Future<?>[] running = new Future<?>[concurrency];
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            running[i] = workers.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long deadline = start + limit.toNanos();
        try {
            for (Future<?> worker : running) {
                worker.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            left.set(0); // the threads stop after their request in flight
            throw new IllegalStateException(requests + " requests to " + uri + " took over " + limit, e);
        }
        return new Run(requests, errors.get(), System.nanoTime() - start);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
