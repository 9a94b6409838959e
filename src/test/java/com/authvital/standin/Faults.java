package com.authvital.standin;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults injected per user through {@code PUT /dev/users/{userId}/fault}: a delay, and an
 * answer that replaces the normal one. Tests use them for "the IdP is slow" and "a proxy in
 * front of the IdP answers an HTML 502 page". They apply to the three bearer endpoints only.
 */
final class Faults {

    /**
     * One user's fault.
     *
     * @param delayMs     how long to sleep before answering
     * @param status      the status to answer instead of the normal answer; null keeps the normal one
     * @param contentType the content type of that answer
     * @param body        the body of that answer
     */
    record Fault(long delayMs, Integer status, String contentType, String body) {
    }

    private final Map<String, Fault> byUser = new ConcurrentHashMap<>();

    /** Stores the fault described by {@code {"delayMs","status","contentType","body"}}, all optional. */
    Fault put(String userId, JsonObject spec) {
        Optional<Long> status = JsonSupport.count(spec, "status");
        if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
            throw HttpProblem.badRequest("status must be an HTTP status between 100 and 599");
        }
        Fault fault = new Fault(
                JsonSupport.count(spec, "delayMs").orElse(0L),
                status.map(Long::intValue).orElse(null),
                JsonSupport.string(spec, "contentType").orElse("text/plain; charset=utf-8"),
                JsonSupport.string(spec, "body").orElse(""));
        byUser.put(userId, fault);
        return fault;
    }

    void remove(String userId) {
        byUser.remove(userId);
    }

    /**
     * Applies the user's fault, if any: sleeps, then answers the fault's status.
     *
     * @return true when the fault answered and the normal handler must not run
     */
    boolean intercept(Call call, String userId) throws IOException {
        Fault fault = byUser.get(userId);
        if (fault == null) {
            return false;
        }
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException stopping) {
                // The server is closing: keep the flag and answer at once.
                Thread.currentThread().interrupt();
            }
        }
        if (fault.status() == null) {
            return false;
        }
        call.send(fault.status(), fault.contentType(), fault.body().getBytes(StandardCharsets.UTF_8));
        return true;
    }
}
