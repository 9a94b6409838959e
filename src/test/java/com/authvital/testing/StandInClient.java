package com.authvital.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The tests' side door into the stand-in IdP (its {@code /dev/} API), used in-container: create
 * users' sessions and tokens, read what the IdP recorded, make it slow or broken for one user.
 */
public final class StandInClient {

    /** The config key naming the stand-in when {@code authvital.host} does not. */
    public static final String STAND_IN = "test.stand-in";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StandInClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The deployment's stand-in: {@code test.stand-in} when a test points {@code authvital.host}
     * elsewhere (at a closed port, say), else {@code authvital.host}.
     */
    public static StandInClient fromConfig() {
        return at(ConfigProvider.getConfig().getOptionalValue(STAND_IN, String.class)
                .orElseGet(() -> ConfigProvider.getConfig().getValue("authvital.host", String.class)));
    }

    /** The stand-in at this base URL. */
    public static StandInClient at(String baseUrl) {
        return new StandInClient(baseUrl);
    }

    /** What the stand-in answered when it created a session. */
    public record NewSession(String userId, String sessionId, String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "NewSession[userId=" + userId + ", sessionId=" + sessionId + "]";
        }
    }

    /** A new user, signed in once for the tests' application. */
    public NewSession newUser() {
        return session(Map.of());
    }

    /** Another session of an existing user. */
    public NewSession anotherSession(String userId) {
        return session(Map.of("userId", userId));
    }

    /**
     * A session with these fields of {@code POST /dev/sessions}: userId, applicationId,
     * userAgent, ipAddress, tenant, createdAt (an {@link Instant} or ISO string), expiresAt.
     */
    public NewSession session(Map<String, ?> fields) {
        JsonObjectBuilder body = Json.createObjectBuilder();
        fields.forEach((key, value) -> body.add(key, String.valueOf(value)));
        JsonObject created = send("POST", "/dev/sessions", body.build().toString(), 201);
        return new NewSession(created.getString("userId"), created.getString("sessionId"),
                created.getString("accessToken"), created.getString("refreshToken"));
    }

    /** The stand-in's record of a session, with its {@code revoked} flag. */
    public JsonObject sessionRecord(String sessionId) {
        return send("GET", "/dev/sessions/" + encode(sessionId), null, 200);
    }

    /** Whether the stand-in has revoked this session. */
    public boolean isRevoked(String sessionId) {
        return sessionRecord(sessionId).getBoolean("revoked");
    }

    /** Every request the stand-in received on {@code /oauth/*}, oldest first. */
    public List<JsonObject> requests() {
        return send("GET", "/dev/requests", null, 200).getJsonArray("requests")
                .getValuesAs(JsonObject.class);
    }

    /** The requests on {@code /oauth/*} received after the first {@code skip}. */
    public List<JsonObject> requestsAfter(int skip) {
        List<JsonObject> all = requests();
        return all.subList(Math.min(skip, all.size()), all.size());
    }

    /** Every bearer call made with this user's token waits {@code delayMs}, then answers as set. */
    public void fault(String userId, long delayMs, Integer status, String contentType, String body) {
        JsonObjectBuilder fault = Json.createObjectBuilder().add("delayMs", delayMs);
        if (status != null) {
            fault.add("status", status).add("contentType", contentType).add("body", body);
        }
        send("PUT", "/dev/users/" + encode(userId) + "/fault", fault.build().toString(), 200, 204);
    }

    /**
     * Every bearer call made with this user's token answers as {@code spec} says: the fields of
     * {@code PUT /dev/users/{id}/fault} ({@code delayMs}, {@code status}, {@code contentType},
     * {@code body}, {@code retryAfterSeconds}, ...).
     */
    public void fault(String userId, JsonObject spec) {
        send("PUT", "/dev/users/" + encode(userId) + "/fault", spec.toString(), 200, 204);
    }

    /**
     * Every bearer call made with this user's token answers {@code body} with {@code padding}
     * spaces before its last character (inside a JSON object, where JSON allows them).
     */
    public void paddedFault(String userId, int status, String contentType, String body, int padding) {
        send("PUT", "/dev/users/" + encode(userId) + "/fault", Json.createObjectBuilder().add("status", status)
                .add("contentType", contentType).add("body", body).add("paddingBytes", padding).build().toString(),
                200, 204);
    }

    /**
     * A token minted by {@code POST /dev/tokens} with these fields: userId, type ("access" or
     * "refresh"), sessionId, claims (a map; numbers stay numbers), removeClaims (a list), kid,
     * keyId (the published or retired key that signs).
     */
    public String mint(Map<String, ?> fields) {
        return mint(Json.createObjectBuilder(fields).build().toString());
    }

    /** A token minted by {@code POST /dev/tokens} with this JSON body (see {@link #mint(Map)}). */
    public String mint(String jsonBody) {
        return send("POST", "/dev/tokens", jsonBody, 201).getString("token");
    }

    /** The stand-in's published JWK set, as the text of {@code /.well-known/jwks.json}. */
    public String jwks() {
        return send("GET", "/.well-known/jwks.json", null, 200).toString();
    }

    /** The kid of the key that signs new tokens. */
    public String currentKeyId() {
        return send("GET", "/dev/keys", null, 200).getString("current");
    }

    /** Makes a new signing key, published beside the old ones; answers its kid. */
    public String rotateKeys() {
        return send("POST", "/dev/keys/rotate", null, 200).getString("kid");
    }

    /** Takes this key out of the JWKS; the stand-in can still sign with it through {@link #mint}. */
    public void retireKey(String kid) {
        send("POST", "/dev/keys/" + encode(kid) + "/retire", null, 200);
    }

    /** How many times {@code /.well-known/jwks.json} was fetched since the start or the last reset. */
    public long jwksFetches() {
        return send("GET", "/dev/stats", null, 200).getJsonNumber("jwksFetches").longValue();
    }

    /** Sets the fetch counts back to 0. */
    public void resetStats() {
        send("DELETE", "/dev/stats", null, 204);
    }

    /** From now on {@code /.well-known/jwks.json} answers {@code status} with an empty body. */
    public void jwksFault(int status) {
        send("PUT", "/dev/jwks/fault", Json.createObjectBuilder().add("status", status).build().toString(), 204);
    }

    /** From now on the JWKS answers this: {@code {"status","contentType","body","delayMs"}}. */
    public void jwksFault(JsonObject fault) {
        send("PUT", "/dev/jwks/fault", fault.toString(), 204);
    }

    /** The JWKS answers the keys again. */
    public void clearJwksFault() {
        send("DELETE", "/dev/jwks/fault", null, 204);
    }

    /**
     * Changes the stand-in's settings: any of {@code accessTokenLifetimeSeconds},
     * {@code tokenRequestsPerMinute} (30 by default, 0 for no limit), {@code otherRequestsPerMinute}
     * (0, no limit, by default); the answer holds all three.
     */
    public JsonObject settings(JsonObject changes) {
        return send("PUT", "/dev/settings", changes.toString(), 200);
    }

    /** Forgets every address's count of the rate limits. */
    public void resetRateLimits() {
        send("DELETE", "/dev/rate-limits", null, 204);
    }

    /** {@code codeExchanges}, {@code refreshRequests}, {@code refreshes}, {@code familyRevocations}, of everyone. */
    public JsonObject tokenStats() {
        return send("GET", "/dev/token-stats", null, 200);
    }

    /** The same counts, of one user. */
    public JsonObject tokenStats(String userId) {
        return send("GET", "/dev/token-stats?userId=" + encode(userId), null, 200);
    }

    /** Sets the token counts back to 0. */
    public void resetTokenStats() {
        send("DELETE", "/dev/token-stats", null, 204);
    }

    /**
     * From now on {@code POST /oauth/token} answers this: {@code {"status","contentType","body",
     * "delayMs","retryAfterSeconds"}}; {@link #clearTokenFault} ends it.
     */
    public void tokenFault(JsonObject fault) {
        send("PUT", "/dev/token/fault", fault.toString(), 204);
    }

    /** The token endpoint answers normally again. */
    public void clearTokenFault() {
        send("DELETE", "/dev/token/fault", null, 204);
    }

    /** Makes refreshes of this user's tokens answer {@code 401 interaction_required}, or not. */
    public void interactionRequired(String userId, boolean required) {
        send(required ? "PUT" : "DELETE", "/dev/users/" + encode(userId) + "/interaction-required", null, 204);
    }

    /** The sign-in page's two users: {@code {"demo":{"id","email"},"second":{"id","email"}}}. */
    public JsonObject demoUsers() {
        return send("GET", "/dev/demo-users", null, 200);
    }

    /** Replaces the Demo User by a new one with only its two older sessions; answers as {@link #demoUsers}. */
    public JsonObject resetDemoUser() {
        return send("POST", "/dev/demo-users/reset", null, 200);
    }

    private JsonObject send(String method, String path, String body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT
                            : Json.createReader(new StringReader(response.body())).readObject();
                }
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
