package com.authvital.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of GETs: {@code connections} threads, each with its own kept-alive
 * {@link BenchConnection}, send a request, wait for the whole answer, send the next, until a
 * run's requests are done. Request {@code i} of a run carries token {@code i mod n} of the
 * run's tokens in {@code Authorization: Bearer}, so a run of as many requests as tokens uses
 * each once. Any answer but 200 counts as an error. The connections stay open across runs (and
 * paths: they all live on one server), as a load balancer's would.
 */
final class LoadDriver implements AutoCloseable {

    /** One run: how many requests, how many failed, how long it took. */
    record Run(int requests, long errors, long nanos) {
        double perSecond() {
            return requests * 1e9 / nanos;
        }
    }

    private final InetSocketAddress server;
    private final BenchConnection[] connections;
    private final ExecutorService workers;

    LoadDriver(InetSocketAddress server, int connections) {
        this.server = server;
        this.connections = new BenchConnection[connections];
        for (int i = 0; i < connections; i++) {
            this.connections[i] = new BenchConnection(server);
        }
        this.workers = Executors.newFixedThreadPool(connections, task -> {
            Thread thread = new Thread(task, "load-driver");
            thread.setDaemon(true);
            return thread;
        });
    }

    int connections() {
        return connections.length;
    }

    /** The status of one GET of {@code path}, with this token or ({@code null}) without any. */
    int probe(String path, byte[] token) throws IOException {
        BenchConnection connection = new BenchConnection(server);
        try {
            return connection.get(BenchConnection.head(path, server), token);
        } finally {
            connection.close();
        }
    }

    /** Sends {@code requests} GETs of {@code path} over the connections; gives up after {@code limit}. */
    Run run(String path, byte[][] tokens, int requests, Duration limit) throws Exception {
        byte[] head = BenchConnection.head(path, server);
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        Future<?>[] running = new Future<?>[connections.length];
        long start = System.nanoTime();
        for (int c = 0; c < connections.length; c++) {
            BenchConnection connection = connections[c];
            running[c] = workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    try {
                        if (connection.get(head, tokens[i % tokens.length]) != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        connection.close();
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
            next.set(requests); // the threads stop after their request in flight
            throw new IllegalStateException(requests + " requests to " + path + " took over " + limit, e);
        }
        return new Run(requests, errors.get(), System.nanoTime() - start);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        for (BenchConnection connection : connections) {
            connection.close();
        }
    }
}
