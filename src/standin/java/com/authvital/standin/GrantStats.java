package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code POST /oauth/token} did, in total and per user, for {@code GET /dev/token-stats}:
 * tests of the module assert how many refreshes it made and that it caused no family revocation.
 */
final class GrantStats {

    /** The counters, in the order of {@link #toJson}. */
    enum Counter {
        /** Codes exchanged for tokens. */
        CODE_EXCHANGES("codeExchanges"),
        /** Refresh grants received, whatever the answer (rate-limited ones excepted). */
        REFRESH_REQUESTS("refreshRequests"),
        /** Refresh grants answered with new tokens. */
        REFRESHES("refreshes"),
        /** Times every session of a user on a client was revoked for a replayed token or code. */
        FAMILY_REVOCATIONS("familyRevocations");

        private final String json;

        Counter(String json) {
            this.json = json;
        }
    }

    private final Map<Counter, Long> total = new HashMap<>();
    private final Map<String, Map<Counter, Long>> byUser = new HashMap<>();

    /** Counts one event; {@code userId} is null when the token named no user. */
    synchronized void count(Counter counter, String userId) {
        total.merge(counter, 1L, Long::sum);
        if (userId != null) {
            byUser.computeIfAbsent(userId, id -> new HashMap<>()).merge(counter, 1L, Long::sum);
        }
    }

    synchronized void reset() {
        total.clear();
        byUser.clear();
    }

    /** {@code {"codeExchanges","refreshRequests","refreshes","familyRevocations"}}: all, or one user's. */
    synchronized JsonObject toJson(String userIdOrNull) {
        Map<Counter, Long> counts = userIdOrNull == null ? total : byUser.getOrDefault(userIdOrNull, Map.of());
        var json = Json.createObjectBuilder();
        for (Counter counter : Counter.values()) {
            json.add(counter.json, counts.getOrDefault(counter, 0L));
        }
        return json.build();
    }
}
