package com.authvital.testing;

import static com.authvital.testing.TestHttp.json;

import com.authvital.testing.Cluster.Server;
import jakarta.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A server's MicroProfile Health readiness, {@code GET /health/ready}, as an operator's probe reads
 * it: on Open Liberty at the server's HTTP port, on WildFly at its management port (9990 moved by
 * the server's port offset, as its HTTP port 8080 is).
 */
public final class Readiness {

    /** The answer: its status (200 UP, 503 DOWN) and its body. */
    public record Answer(int status, JsonObject body) {

        /** The check of that name, which must be there. */
        public JsonObject check(String name) {
            return body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(check -> name.equals(check.getString("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
        }

        public boolean up(String name) {
            return "UP".equals(check(name).getString("status"));
        }
    }

    private Readiness() {
    }

    /** {@code GET /health/ready} of the server, at its root (not the application's). */
    public static Answer of(Server server) {
        URI root = URI.create(server.url("")).resolve("/");
        if (TestServer.wildFly()) {
            int offset = root.getPort() - WildFlyCluster.HTTP_PORT;
            root = URI.create("http://127.0.0.1:" + (WildFlyCluster.MANAGEMENT_PORT + offset) + "/");
        }
        return at(root);
    }

    /** {@code GET /health/ready} at {@code root}, a server's root URL where its health endpoints are. */
    public static Answer at(URI root) {
        try {
            HttpResponse<String> answer = new TestHttp(root.toURL()).get("health/ready", "Accept", "application/json");
            return new Answer(answer.statusCode(), json(answer));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code wanted} holds; fails with the last answer after {@code within}. */
    public static Answer await(Server server, Duration within, Predicate<Answer> wanted, String what) {
        return await(() -> of(server), within, wanted, what + "; see " + server.log());
    }

    /** Polls {@code probe} until {@code wanted} holds; fails with the last answer after {@code within}. */
    public static Answer await(java.util.function.Supplier<Answer> probe, Duration within, Predicate<Answer> wanted, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        Object last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                Answer answer = probe.get();
                if (wanted.test(answer)) {
                    return answer;
                }
                last = answer;
            } catch (UncheckedIOException | AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " not within " + within.toSeconds() + " s; last: " + last);
    }
}
