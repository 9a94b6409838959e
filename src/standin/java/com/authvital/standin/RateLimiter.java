package com.authvital.standin;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The IdP's throttler: per client IP, in memory, a window of a minute that starts with the first
 * request: {@code POST /oauth/token} {@value #TOKEN_LIMIT} requests, other routes
 * {@value #OTHER_LIMIT} (the contract's numbers). Over the limit it answers
 * {@code 429 {"statusCode":429,"message":"ThrottlerException: Too Many Requests"}} with
 * {@code Retry-After}, the seconds left in the window; a refused request is not counted.
 *
 * <p>The token limit is on from the start, as at the IdP. The other limit is off until set
 * ({@code PUT /dev/settings}): tests call the session endpoints far more than 100 times a minute
 * from one IP. A limit of 0 is off. {@code /dev/*} is never limited: the IdP has no such routes.
 */
final class RateLimiter {

    static final int TOKEN_LIMIT = 30;
    static final int OTHER_LIMIT = 100;
    static final String TOO_MANY = "ThrottlerException: Too Many Requests";

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    private final Map<String, Window> windows = new HashMap<>();
    private volatile int tokenLimit = TOKEN_LIMIT;
    private volatile int otherLimit;

    /**
     * Counts the request, or answers 429 when its IP is over the limit.
     *
     * @param tokenRoute whether it is {@code POST /oauth/token}, which has its own limit
     * @return true when the request may go on; false when the 429 has been sent
     */
    boolean admit(IdpExchange call, boolean tokenRoute) throws IOException {
        int limit = tokenRoute ? tokenLimit : otherLimit;
        if (limit <= 0) {
            return true;
        }
        long retryAfterNanos = count((tokenRoute ? "token " : "other ") + call.remoteAddress(), limit);
        if (retryAfterNanos == 0) {
            return true;
        }
        call.addHeader("Retry-After", Long.toString(Math.max(1, (retryAfterNanos + 999_999_999L) / 1_000_000_000L)));
        call.sendJson(429, Json.createObjectBuilder().add("statusCode", 429).add("message", TOO_MANY).build());
        return false;
    }

    /** 0 when counted; else the nanoseconds until the key's window ends. */
    private synchronized long count(String key, int limit) {
        long now = System.nanoTime();
        Window window = windows.get(key);
        if (window == null || now - window.start >= WINDOW_NANOS) {
            window = new Window(now);
            windows.put(key, window);
        }
        if (window.count >= limit) {
            return Math.max(1, window.start + WINDOW_NANOS - now);
        }
        window.count++;
        return 0;
    }

    /** Forgets every request counted so far. */
    synchronized void reset() {
        windows.clear();
    }

    void limits(int tokenPerMinute, int otherPerMinute) {
        this.tokenLimit = tokenPerMinute;
        this.otherLimit = otherPerMinute;
    }

    int tokenLimit() {
        return tokenLimit;
    }

    int otherLimit() {
        return otherLimit;
    }
}
