package com.authvital.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Gives the revocation check real work before the load benchmark measures: logs unrelated tokens
 * out through the module's own logout servlet ({@code POST} with the token as a bearer, as an API
 * client logs out; no refresh token, so the IdP is not called), on each WAR whose path has
 * {@code denials}. The module's denials then hold those tokens for the rest of the run, and every
 * request under load (with other tokens) is looked up in them and passes, as nearly every request
 * of an application does after its first logouts. Without it the check would skip its lookups,
 * nothing being denied, and the in-memory and JCache stores would be compared doing nothing.
 */
final class Denials {

    private final InetSocketAddress server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Denials(InetSocketAddress server) {
        this.server = server;
    }

    /**
     * Logs each token out on each target's WAR, one logout at a time; prints how long it took.
     *
     * @throws IllegalStateException when a logout does not answer 200: nothing would be measured as meant
     */
    void logOut(List<LoadBench.Target> targets, byte[][] tokens) throws Exception {
        for (LoadBench.Target target : targets) {
            URI logout = URI.create("http://" + server.getHostString() + ":" + server.getPort() + target.logoutPath());
            long start = System.nanoTime();
            for (byte[] token : tokens) {
                // The first logout on the JCache WAR may wait for its Hazelcast member to start.
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(logout).timeout(Duration.ofMinutes(1))
                        .header("Authorization", "Bearer " + new String(token, StandardCharsets.US_ASCII))
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("POST " + target.logoutPath() + " answered " + answer.statusCode()
                            + ": " + answer.body() + "; see the server's messages.log");
                }
            }
            System.out.printf(Locale.ROOT, "load: %d unrelated tokens logged out through POST %s in %.1f s%n",
                    tokens.length, target.logoutPath(), (System.nanoTime() - start) / 1e9);
        }
    }
}
