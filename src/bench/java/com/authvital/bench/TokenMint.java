package com.authvital.bench;

import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Distinct access tokens of the stand-in IdP, minted through its {@code POST /dev/tokens}: each
 * for a new user (its own {@code sub}, and its own {@code jti}), RS256 with the IdP's current
 * key, valid for the stand-in's access token lifetime (an hour) from now, with the claims of a
 * user signed in to the tenant {@code acme} (roles and permissions), as the JMH fixture's token
 * and AuthVital's carry them. Kept as ASCII bytes, as a request carries them.
 *
 * <p>Signing is the cost (RSA 2048, about 1.3 ms on this kind of machine): a few requests at
 * once keep both cores busy, some 20,000 tokens in about fifteen seconds.
 */
final class TokenMint {

    private static final int IN_FLIGHT = 3;

    private final JsonProvider json = JsonProvider.provider();
    private final URL url;
    private final byte[] body;

    TokenMint(String idpBaseUrl) throws MalformedURLException {
        String tenantId = UUID.nameUUIDFromBytes("tenant:acme".getBytes(StandardCharsets.UTF_8)).toString();
        String body = json.createObjectBuilder().add("claims", json.createObjectBuilder()
                        .add("tenant_id", tenantId)
                        .add("tenant_subdomain", "acme")
                        .add("tenant_roles", json.createArrayBuilder().add("member"))
                        .add("tenant_permissions", json.createArrayBuilder().add("sessions:read").add("sessions:revoke"))
                        .add("app_roles", json.createArrayBuilder().add("user")))
                .build().toString();
        this.body = body.getBytes(StandardCharsets.UTF_8);
        this.url = URI.create(idpBaseUrl + "/dev/tokens").toURL();
    }

    /** {@code count} new tokens, each a different user's; fails if any request fails or all take over {@code limit}. */
    byte[][] mint(int count, Duration limit) throws Exception {
        byte[][] tokens = new byte[count][];
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(IN_FLIGHT, task -> {
            Thread thread = new Thread(task, "token-mint");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?>[] running = new Future<?>[IN_FLIGHT];
            for (int t = 0; t < IN_FLIGHT; t++) {
                running[t] = threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        tokens[i] = mintOne().getBytes(StandardCharsets.US_ASCII);
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + limit.toNanos();
            for (Future<?> thread : running) {
                thread.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return tokens;
        } finally {
            next.set(count);
            threads.shutdownNow();
        }
    }

    private String mintOne() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(30000);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        int status = connection.getResponseCode();
        if (status != 201) {
            throw new IllegalStateException("POST /dev/tokens answered " + status);
        }
        String answer;
        try (InputStream in = connection.getInputStream()) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (JsonReader reader = json.createReader(new StringReader(answer))) {
            return reader.readObject().getString("token");
        }
    }
}
