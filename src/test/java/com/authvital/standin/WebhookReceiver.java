package com.authvital.standin;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver of webhooks on loopback for the stand-in's tests: records every request's headers
 * and raw body, answers the statuses it is given (then 200), optionally after a delay, and
 * counts how many requests it had at once.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received: headers by lower-case name, the raw body bytes. */
    public record Request(String method, Map<String, String> headers, byte[] body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonObject json() {
            return Json.createReader(new ByteArrayInputStream(body)).readObject();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile long delayMs;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) ->
                        headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
                Request request = new Request(exchange.getRequestMethod(), headers, in.readAllBytes(), Instant.now());
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                int status;
                synchronized (this) {
                    requests.add(request);
                    status = statuses.isEmpty() ? 200 : statuses.poll();
                    notifyAll();
                }
                if (status >= 300 && status < 400) {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/authvital";
    }

    /** The next requests are answered with these statuses, in order; then 200. */
    public synchronized WebhookReceiver answer(Integer... next) {
        statuses.addAll(List.of(next));
        return this;
    }

    public WebhookReceiver delay(long ms) {
        delayMs = ms;
        return this;
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The first {@code count} requests, waiting up to 10 s for them; fails when they do not come. */
    public synchronized List<Request> await(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (requests.size() < count) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " webhook requests, received " + requests.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(requests.subList(0, count));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
