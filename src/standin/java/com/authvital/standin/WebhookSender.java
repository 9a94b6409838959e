package com.authvital.standin;

import com.nimbusds.jose.JOSEException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts webhooks as AuthVital's broker does (authvital-events.md §3.2-3.7): each attempt signed
 * afresh with the active webhook key (channel A with a fresh {@code X-AuthVital-Timestamp}), a
 * timeout per POST (30 s), redirects never followed, retries on the broker's ladders. Runs on
 * {@value #THREADS} daemon threads whatever the number of events: the rest wait in the queue.
 */
final class WebhookSender implements AutoCloseable {

    static final int THREADS = 2;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Channel A, broker: 5 attempts, spaced 10, 30, 60, 300 s (events §3.7). */
    static final long[] SYNC_DELAYS_MS = {10_000, 30_000, 60_000, 300_000};
    /** Channel B, broker: 10 passes, spaced up to a day (events §3.7). */
    static final long[] SYSTEM_DELAYS_MS = {10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 14_400_000,
        43_200_000, 86_400_000};
    /** How far in the past a {@code stale-timestamp} request's timestamp is: beyond a ±300 s window. */
    static final long STALE_SECONDS = 600;

    private final WebhookKeys keys;
    private final DeliveryLog log;
    private final ScheduledThreadPoolExecutor executor;
    private final ExecutorService httpThreads;
    private final HttpClient http;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile double retryScale = 1.0;
    private volatile SigningKey foreign;

    WebhookSender(WebhookKeys keys, DeliveryLog log) {
        this.keys = keys;
        this.log = log;
        this.executor = new ScheduledThreadPoolExecutor(THREADS, daemonThreads("authvital-webhook-"));
        this.executor.setRemoveOnCancelPolicy(true);
        this.httpThreads = Executors.newFixedThreadPool(THREADS, daemonThreads("authvital-webhook-http-"));
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER) // the broker treats a 3xx as a failure
                .proxy(HttpClient.Builder.NO_PROXY)         // loopback receivers only
                .executor(httpThreads)
                .build();
    }

    /** {@code {"timeoutMs","retryScale"}}: the POST timeout and the factor on the retry ladders. */
    JsonObject settings() {
        return Json.createObjectBuilder()
                .add("timeoutMs", timeout.toMillis())
                .add("retryScale", retryScale)
                .build();
    }

    JsonObject settings(JsonObject spec) {
        JsonSupport.count(spec, "timeoutMs").filter(ms -> ms > 0).map(Duration::ofMillis).ifPresent(t -> timeout = t);
        if (spec.containsKey("retryScale")) {
            double scale = spec.get("retryScale") instanceof jakarta.json.JsonNumber
                    ? spec.getJsonNumber("retryScale").doubleValue() : -1;
            if (!(scale >= 0 && scale <= 1)) {
                throw HttpProblem.badRequest("retryScale must be between 0 and 1");
            }
            retryScale = scale;
        }
        return settings();
    }

    /** Sends the jobs' first attempts one after the other, on one thread, without blocking the caller. */
    void deliver(List<Webhooks.Job> jobs) {
        List<Webhooks.Job> copy = new ArrayList<>(jobs);
        submit(() -> copy.forEach(job -> attempt(job, 1, 0)), 0);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        httpThreads.shutdownNow();
    }

    private void attempt(Webhooks.Job job, int attempt, int copy) {
        DeliveryLog.Outcome outcome = post(job);
        log.record(job, attempt, copy, outcome);
        if (outcome.succeeded()) {
            if (copy < job.controls().duplicates()) {
                attempt(job, 1, copy + 1); // a redelivery of a delivered event, as after a lost ack (§3.8)
            }
            return;
        }
        boolean sync = job.event().channel() == WebhookEvent.Channel.SYNC;
        long[] ladder = sync ? SYNC_DELAYS_MS : SYSTEM_DELAYS_MS;
        if (attempt <= ladder.length && retryable(sync, outcome)) {
            submit(() -> attempt(job, attempt + 1, copy), Math.round(ladder[attempt - 1] * retryScale));
        }
    }

    /** Channel A retries every failure, 4xx included; channel B only errors, timeouts, 429 and 5xx. */
    private static boolean retryable(boolean sync, DeliveryLog.Outcome outcome) {
        return sync || outcome.status() == null || outcome.status() == 429 || outcome.status() >= 500;
    }

    private DeliveryLog.Outcome post(Webhooks.Job job) {
        WebhookEvent event = job.event();
        Webhooks.Tamper tamper = job.controls().tamper();
        SigningKey key = tamper == Webhooks.Tamper.FOREIGN_KID ? foreignKey() : keys.ring().current();
        HttpRequest.Builder request = HttpRequest.newBuilder(job.target().url())
                .timeout(timeout)
                .header("Content-Type", "application/json");
        String signature;
        if (event.channel() == WebhookEvent.Channel.SYNC) {
            long now = Instant.now().getEpochSecond();
            String timestamp = Long.toString(tamper == Webhooks.Tamper.STALE_TIMESTAMP ? now - STALE_SECONDS : now);
            signature = WebhookSignature.sign(privateKey(key), WebhookSignature.syncInput(timestamp, event.body()));
            request.header("X-AuthVital-Key-Id", key.keyId())
                    .header("X-AuthVital-Timestamp", timestamp)
                    .header("X-AuthVital-Event-Id", event.id())
                    .header("X-AuthVital-Event-Type", event.type());
        } else {
            signature = WebhookSignature.sign(privateKey(key), event.body());
            request.header("X-Webhook-Key-Id", key.keyId())
                    .header("X-Webhook-Event", event.type())
                    .header("X-Webhook-Timestamp", event.timestamp()); // the body's, never refreshed
        }
        if (tamper == Webhooks.Tamper.SIGNATURE) {
            signature = flipLastByte(signature);
        }
        request.header(event.channel() == WebhookEvent.Channel.SYNC ? "X-AuthVital-Signature" : "X-Webhook-Signature",
                signature);
        byte[] body = tamper == Webhooks.Tamper.BODY ? oneSpaceMore(event.body()) : event.body();
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new DeliveryLog.Outcome(status, null, key.keyId());
        } catch (HttpTimeoutException slow) {
            return new DeliveryLog.Outcome(null, "timeout", key.keyId());
        } catch (IOException failed) {
            return new DeliveryLog.Outcome(null, failed.getClass().getSimpleName(), key.keyId());
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return new DeliveryLog.Outcome(null, "interrupted", key.keyId());
        }
    }

    private void submit(Runnable task, long delayMs) {
        try {
            executor.schedule(task, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // the stand-in is closing: what was not sent is lost, as in a stopped broker
        }
    }

    /** A key of AuthVital's kid form that no JWKS of this stand-in lists. */
    private SigningKey foreignKey() {
        SigningKey key = foreign;
        if (key == null) {
            key = SigningKey.generateWebhookKey();
            foreign = key;
        }
        return key;
    }

    private static PrivateKey privateKey(SigningKey key) {
        try {
            return key.key().toRSAPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException("the stand-in's webhook key " + key.keyId() + " has no private half", e);
        }
    }

    /** A signature of the right length that verifies nothing. */
    private static String flipLastByte(String signature) {
        byte[] raw = Base64.getDecoder().decode(signature);
        raw[raw.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(raw);
    }

    /** The signed body with one space after its opening brace: still JSON, one byte longer (events §6.2). */
    private static byte[] oneSpaceMore(byte[] body) {
        byte[] changed = new byte[body.length + 1];
        changed[0] = body[0];
        changed[1] = ' ';
        System.arraycopy(body, 1, changed, 2, body.length - 1);
        return changed;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
