package com.authvital.standin;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth clients the stand-in knows: the one it was started with, and those a test adds
 * with {@code PUT /dev/clients/{clientId}}. Only a known client may start a sign-in at
 * {@code /oauth/authorize}; the token endpoint treats any other client id as a public client
 * with the defaults.
 */
final class Clients {

    /**
     * One client's settings.
     *
     * @param id            the client id, the {@code aud} of its tokens
     * @param secret        the client secret, or null for a public client
     * @param reuseInterval the rotation reuse interval: how long a rotated refresh token may
     *                      still be presented without being treated as theft; 0 by default
     */
    record Client(String id, String secret, Duration reuseInterval) {

        /**
         * Checks the client secret of a token request when the client has one.
         *
         * @throws HttpProblem 401 "Invalid client secret" when it is missing or wrong
         */
        void authenticate(String presented) {
            if (secret != null && (presented == null || !MessageDigest.isEqual(
                    secret.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8)))) {
                throw HttpProblem.unauthorized("Invalid client secret");
            }
        }

        /** Without the secret: a record's default toString would print it. */
        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=" + (secret != null ? "set" : "none")
                    + ", reuseInterval=" + reuseInterval + "]";
        }

        /** {@code {"clientId","hasSecret","rotationReuseIntervalSeconds"}}: never the secret itself. */
        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("clientId", id)
                    .add("hasSecret", secret != null)
                    .add("rotationReuseIntervalSeconds", reuseInterval.toSeconds())
                    .build();
        }
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    Clients(String defaultClientId) {
        clients.put(defaultClientId, publicClient(defaultClientId));
    }

    boolean isKnown(String clientId) {
        return clientId != null && clients.containsKey(clientId);
    }

    /** The client's settings; a public client with a reuse interval of 0 when it is not known. */
    Client get(String clientId) {
        return Optional.ofNullable(clients.get(clientId)).orElseGet(() -> publicClient(clientId));
    }

    /**
     * Adds or changes a client from {@code {"secret": ".."|null, "rotationReuseIntervalSeconds": N}};
     * an absent field keeps its current value.
     */
    Client put(String clientId, JsonObject spec) {
        JsonValue secret = spec.get("secret");
        if (secret != null && secret != JsonValue.NULL && JsonSupport.string(spec, "secret").isEmpty()) {
            throw HttpProblem.badRequest("secret must be a string or null");
        }
        return clients.compute(clientId, (id, old) -> {
            Client current = old != null ? old : publicClient(id);
            return new Client(id,
                    secret == null ? current.secret() : JsonSupport.string(spec, "secret").orElse(null),
                    JsonSupport.count(spec, "rotationReuseIntervalSeconds").map(Duration::ofSeconds)
                            .orElse(current.reuseInterval()));
        });
    }

    private static Client publicClient(String id) {
        return new Client(id, null, Duration.ZERO);
    }
}
