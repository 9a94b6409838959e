package com.authvital.bench;

import com.authvital.jakarta.AuthVitalPrincipal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the load benchmark checks before it measures, printed, the run failing on any surprise:
 * every protected path answers 200 with a valid token, 401 without one and 401 with a tampered
 * one, every unprotected path 200 either way, and a path with {@code denials} 401 with a token
 * {@link Denials} logged out there (the revocation check is on); {@link PrincipalServlet} beside
 * each path shows who authenticated the request: nobody on the unprotected ones (so
 * {@code mpJwt-2.1}, enabled on the same server, left them alone), the module on its filter's and
 * on its mechanism's (the container's caller is then the module's principal itself), mpJwt on its
 * own; and the JCache path's Hazelcast member listens, so that its store is JCache indeed.
 */
final class LoadChecks {

    private final InetSocketAddress server;
    private final List<LoadBench.Target> targets;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();

    LoadChecks(InetSocketAddress server, List<LoadBench.Target> targets) {
        this.server = server;
        this.targets = targets;
    }

    /**
     * Checks with {@code token}, a valid token, and {@code loggedOut}, one that {@link Denials}
     * logged out on the paths with {@code denials}; prints each answer, throws naming every failure.
     */
    void verify(LoadDriver driver, byte[] token, byte[] loggedOut) throws Exception {
        System.out.println("load: checks before measuring");
        for (LoadBench.Target target : targets) {
            int withToken = driver.probe(target.path(), token);
            int without = driver.probe(target.path(), null);
            int tampered = driver.probe(target.path(), tampered(token));
            int refused = target.protectedPath() ? 401 : 200;
            boolean ok = withToken == 200 && without == refused && tampered == refused;
            String denied = "";
            if (target.denials()) {
                int status = loggedOutStatus(driver, target.path(), loggedOut);
                ok &= status == 401;
                denied = ", logged out " + status;
            }
            System.out.printf(Locale.ROOT, "  %-36s %-38s valid token %d, none %d, tampered %d%s: %s%n", target.path(),
                    target.label(), withToken, without, tampered, denied, ok ? "ok"
                            : "WRONG, expected 200, " + refused + ", " + refused + (target.denials() ? ", 401" : ""));
            if (!ok) {
                failures.add(target.path() + " answered " + withToken + "/" + without + "/" + tampered + denied);
            }
        }
        if (targets.contains(LoadBench.JCACHE)) {
            boolean member = LibertyBench.listening(BenchWar.HAZELCAST_PORT);
            System.out.printf(Locale.ROOT, "  %-36s Hazelcast member on 127.0.0.1:%d: %s%n", LoadBench.JCACHE.path(),
                    BenchWar.HAZELCAST_PORT, member ? "listening, ok" : "WRONG, nothing listens: is the store JCache?");
            if (!member) {
                failures.add("no Hazelcast member listens on 127.0.0.1:" + BenchWar.HAZELCAST_PORT);
            }
        }
        String bearer = new String(token, StandardCharsets.US_ASCII);
        for (LoadBench.Target target : targets) {
            String expected = target.equals(LoadBench.MP_JWT) ? null
                    : target == LoadBench.MECHANISM ? AuthVitalPrincipal.class.getName()
                    : target.protectedPath() ? "AuthVitalPrincipal" : "none";
            principal(target.path().replace("/hello", "/principal"), bearer, expected);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the load benchmark's paths are not as they should be, nothing measured: "
                    + String.join("; ", failures));
        }
    }

    /** Who the application sees behind {@code path} with the token: must contain {@code expected} (null: anyone). */
    private void principal(String path, String token, String expected) throws Exception {
        URI uri = URI.create("http://" + server.getHostString() + ":" + server.getPort() + path);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        String body = answer.body().strip();
        boolean ok = answer.statusCode() == 200 && (expected == null ? !body.equals("none") : body.contains(expected));
        System.out.printf(Locale.ROOT, "  %-36s user seen with a valid token: %s: %s%n", path, body,
                ok ? "ok" : "WRONG, expected " + (expected == null ? "a user" : expected));
        if (!ok) {
            failures.add(path + " answered " + answer.statusCode() + " " + body);
        }
    }

    /**
     * The status of a logged-out token on {@code path}: 401 once the denial is seen there. A
     * store may learn of a denial through its engine's events, a moment after the logout
     * answered: asked again for up to ten seconds.
     */
    private static int loggedOutStatus(LoadDriver driver, String path, byte[] token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int status = driver.probe(path, token);
        while (status != 401 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            status = driver.probe(path, token);
        }
        return status;
    }

    /** A copy of the token with one character of its signature changed. */
    private static byte[] tampered(byte[] token) {
        byte[] copy = token.clone();
        int at = copy.length - 20;
        copy[at] = (byte) (copy[at] == 'A' ? 'B' : 'A');
        return copy;
    }
}
