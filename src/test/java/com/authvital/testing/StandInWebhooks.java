package com.authvital.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The stand-in's controls of what an AuthVital admin changes, and of its webhooks (docs/standin.md):
 * each change is made at the stand-in, which then sends the signed event to the registered receiver.
 */
public final class StandInWebhooks {

    /** The stand-in's application id, which its events name and the cluster's servers are set with. */
    public static final String APPLICATION_ID = "cmstandin0app000000000001";
    /** The demo tenant of the stand-in, the tenant of the tests' sessions. */
    public static final String TENANT = "acme";

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StandInWebhooks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Registers {@code url} for the application's events (channel A, signed over the timestamp and the body). */
    public void register(String url) {
        register(url, APPLICATION_ID);
    }

    /** Registers {@code url} for the events of {@code applicationId}, instead of the stand-in's own application's. */
    public void register(String url, String applicationId) {
        send("PUT", "/dev/webhooks", "{\"url\":\"" + url + "\",\"channel\":\"sync\",\"applicationId\":\""
                + applicationId + "\"}");
    }

    /**
     * Until the registered receiver takes an event: a server learns the stand-in's webhook key
     * (published from the first registration) at its next fetch of the keys, which the refetch
     * interval may hold back for up to 30 s (AV1615W meanwhile). The probes are invitations: they
     * do nothing to any token.
     */
    public void awaitTaken() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String probe = event("{\"type\":\"invite.created\",\"data\":{\"invite_id\":\"probe\"}}");
            JsonObject attempt = attempts(probe, 1).get(0);
            if (attempt.getInt("status", 0) == 204) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the receiver never took an event: " + attempt);
            }
            pause(2000);
        }
    }

    /** No receiver, no delivery log, no controls: as before the tests. */
    public void forget() {
        send("DELETE", "/dev/webhooks/controls", null);
        send("DELETE", "/dev/webhooks/deliveries", null);
        send("DELETE", "/dev/webhooks", null);
    }

    /** {@code {"duplicates":n,"tamper":..,"hold":bool}} from now on. */
    public void controls(String json) {
        send("PUT", "/dev/webhooks/controls", json);
    }

    /** Sends the held deliveries, in {@code order} ({@code sent} or {@code reverse}). */
    public void release(String order) {
        send("POST", "/dev/webhooks/release", "{\"order\":\"" + order + "\"}");
    }

    /** {@code suspend}, {@code activate}, {@code remove}, {@code app-access/revoke}...: the member's change and its event's id. */
    public String member(String userId, String change) {
        JsonObject answer = send("POST", "/dev/members/" + userId + "/" + change, "{\"tenant\":\"" + TENANT + "\"}");
        return answer.getJsonArray("events").getJsonObject(0).getString("id");
    }

    /** The member's application role becomes {@code role}: {@code app_access.role_changed}. */
    public String role(String userId, String role) {
        JsonObject answer = send("PUT", "/dev/members/" + userId + "/app-role",
                "{\"tenant\":\"" + TENANT + "\",\"role\":\"" + role + "\"}");
        return answer.getJsonArray("events").getJsonObject(0).getString("id");
    }

    /** Any event, as {@code POST /dev/events} takes it. */
    public String event(String json) {
        return send("POST", "/dev/events", json).getJsonArray("events").getJsonObject(0).getString("id");
    }

    /** The application and its tenants, as the stand-in has them. */
    public JsonObject application() {
        return send("GET", "/dev/application", null);
    }

    /** Every attempt of the event so far: {@code [{"status",..}]}, waiting until there are {@code count}, at most 10 s. */
    public List<JsonObject> attempts(String eventId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<JsonObject> attempts = send("GET", "/dev/webhooks/deliveries", null).getJsonArray("deliveries")
                    .getValuesAs(JsonObject.class).stream()
                    .filter(a -> eventId.equals(a.getString("eventId", null))).toList();
            if (attempts.size() >= count) {
                return attempts;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stand-in made " + attempts.size() + " of " + count
                        + " attempts of event " + eventId + ": " + attempts);
            }
            pause(20);
        }
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonObject send(String method, String path, String body) {
        String answer = raw(method, path, body);
        return answer.isBlank() || !answer.startsWith("{") ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(answer)).readObject();
    }

    private String raw(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "StandInWebhooks[" + baseUrl + "]";
    }
}
