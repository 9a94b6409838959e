package com.authvital.jakarta.it;

import com.authvital.jakarta.it.app.CurrentUser;
import com.authvital.jakarta.it.app.WhoAmIServlet;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInClient;
import com.authvital.testing.TestHttp;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own stand-in IdP, for the tests of the filter's key cache: they break, rotate
 * or count the IdP's keys, which no other test must meet. Its application is {@code /api/me}
 * ({@link WhoAmIServlet}) behind the filter, pointed at this IdP. As a JUnit extension it stops
 * the IdP after the class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final OwnIdp idp = OwnIdp.listening();
 *
 * @Deployment(testable = false)
 * static WebArchive deployment() {
 *     return idp.app("jwks-fault", Map.of());
 * }
 * }</pre>
 */
final class OwnIdp implements AfterAllCallback {

    private final int port;
    private StandInIdp running;

    private OwnIdp(int port, StandInIdp running) {
        this.port = port;
        this.running = running;
    }

    /** An IdP listening from the start, on a free loopback port. */
    static OwnIdp listening() {
        StandInIdp idp = StandInIdp.start(0, Deployments.CLIENT_ID);
        return new OwnIdp(idp.port(), idp);
    }

    /** An IdP that nothing listens for yet: its address is known, {@link #start()} brings it up. */
    static OwnIdp notListening() {
        return new OwnIdp(Deployments.closedPort(), null);
    }

    /** Starts listening at {@link #baseUrl()}; a no-op when it already does. */
    synchronized void start() {
        if (running == null) {
            running = StandInIdp.start(port, Deployments.CLIENT_ID);
        }
    }

    /** Stops listening: from now on a connection to {@link #baseUrl()} is refused. */
    synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
        }
    }

    /** {@code http://127.0.0.1:<port>}, listening or not. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** A client of this IdP's {@code /dev/} API. */
    StandInClient standIn() {
        return StandInClient.at(baseUrl());
    }

    /**
     * The application of these tests: {@link WhoAmIServlet} behind the filter on {@code /api/*},
     * {@code authvital.host} this IdP, then {@code settings}.
     */
    WebArchive app(String name, Map<String, String> settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("authvital.host", baseUrl());
        config.put("authvital.filter.url-patterns", "/api/*");
        config.putAll(settings);
        return Deployments.war(name, config, WhoAmIServlet.class, CurrentUser.class);
    }

    /** {@code GET api/me} of the application at {@code app}, with this bearer token. */
    static HttpResponse<String> me(URL app, String token) {
        return new TestHttp(app).get("api/me", "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    /**
     * Sends {@code request} until {@code done} holds or 10 s have passed, and answers the last
     * answer: the filter refetches the keys on its own schedule, not on the test's.
     */
    static HttpResponse<String> until(Supplier<HttpResponse<String>> request, Predicate<HttpResponse<String>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        HttpResponse<String> response = request.get();
        while (!done.test(response) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = request.get();
        }
        return response;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
