package com.authvital.jakarta.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.cluster.Devices.SignedInBrowser;
import com.authvital.jakarta.cluster.TwoServers.Servers;
import com.authvital.jakarta.it.fixtures.RefreshFixtures;
import com.authvital.standin.CollectedPoint;
import com.authvital.standin.CollectedSpan;
import com.authvital.standin.StandInCollector;
import com.authvital.testing.Cluster.Server;
import com.authvital.testing.Deployments;
import com.authvital.testing.StandInWebhooks;
import com.authvital.testing.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the server's MicroProfile Telemetry on ({@code otel.sdk.disabled=false}), what the module
 * counts and traces reaches the operator's collector through the server's own OTLP exporter: the
 * validations by outcome, reason and source, the IdP's calls with their endpoint and status class,
 * a client span for each IdP call inside the request's own trace, and the store's gauges; no
 * attribute holds a user, a token or a session.
 */
@Tag("liberty-only")
@ExtendWith({TwoServers.class, RefreshFixtures.NoTokenRateLimit.class})
class ClusterTelemetryIT {

    /** An export each second, on a loaded machine. */
    private static final Duration EXPORTED = Duration.ofSeconds(20);
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private final Server a;
    private final StandInCollector collector = Deployments.collector();

    ClusterTelemetryIT(Servers servers) {
        this.a = servers.a();
    }

    private double counter(String metric, Map<String, String> attributes) {
        return collector.points(metric).stream()
                .filter(point -> point.service().equals(a.name()) && point.attributes().equals(attributes))
                .mapToDouble(CollectedPoint::value).findFirst().orElse(0);
    }

    private <T> T await(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + EXPORTED.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " did not reach the collector within " + EXPORTED.toSeconds() + " s; it has "
                + collector.points(null).stream().map(point -> point.service() + " " + point.name()).distinct().toList()
                + " and spans " + collector.spans(null).stream().map(CollectedSpan::name).distinct().toList());
    }

    @Test
    void authVitalsEventsAreCountedByTypeAndOutcome() {
        Map<String, String> applied = Map.of("type", "member.suspended", "outcome", "applied");
        Map<String, String> refused = Map.of("type", "other", "outcome", "refused");
        double appliedBefore = counter("authvital.events", applied);
        double refusedBefore = counter("authvital.events", refused);
        StandInWebhooks webhooks = new StandInWebhooks(Deployments.idp().baseUrl());
        webhooks.forget();
        webhooks.register(a.url("authvital/events"));
        try {
            webhooks.awaitTaken();
            String user = Deployments.standIn().session(Map.of("tenant", StandInWebhooks.TENANT)).userId();
            assertEquals(204, webhooks.attempts(webhooks.member(user, "suspend"), 1).get(0).getInt("status"));
            assertEquals(401, new TestHttp(a.app()).send("POST", "authvital/events", "{}").statusCode());

            await(() -> Optional.of(counter("authvital.events", applied)).filter(value -> value >= appliedBefore + 1),
                    "a suspension applied");
            await(() -> Optional.of(counter("authvital.events", refused)).filter(value -> value >= refusedBefore + 1),
                    "an unsigned event refused");
        } finally {
            webhooks.forget();
        }
    }

    @Test
    void validationsAreCountedByOutcomeReasonAndSource() {
        Map<String, String> cached = Map.of("outcome", "accepted", "reason", "none", "source", "cache");
        Map<String, String> malformed = Map.of("outcome", "refused", "reason", "AV1004", "source", "header");
        double cachedBefore = counter("authvital.token.validations", cached);
        double malformedBefore = counter("authvital.token.validations", malformed);
        Deployments.standIn().resetDemoUser(); // whatever another test revoked of the last one
        SignedInBrowser laptop = Devices.signIn(a, FIREFOX);
        TestHttp onA = new TestHttp(a.app());

        for (int i = 0; i < 5; i++) {
            assertEquals(200, onA.get("api/me", "Authorization", "Bearer " + laptop.accessToken()).statusCode());
        }
        assertEquals(401, onA.get("api/me", "Authorization", "Bearer not.a.token").statusCode());

        await(() -> Optional.of(counter("authvital.token.validations", cached))
                .filter(value -> value >= cachedBefore + 4), "four more cached validations");
        await(() -> Optional.of(counter("authvital.token.validations", malformed))
                .filter(value -> value >= malformedBefore + 1), "a refused malformed token");
        for (CollectedPoint point : collector.points("authvital.token.validations")) {
            assertEquals(List.of("outcome", "reason", "source"), point.attributes().keySet().stream().sorted().toList(),
                    "only bounded attributes: " + point);
            assertFalse(point.attributes().values().stream().anyMatch(v -> v.contains(laptop.accessToken())), point.toString());
        }
    }

    @Test
    void eachIdpCallIsTimedCountedAndTracedInsideItsRequestsTrace() {
        Deployments.standIn().resetDemoUser();
        SignedInBrowser laptop = Devices.signIn(a, FIREFOX);
        Map<String, String> listed = Map.of("endpoint", "sessions", "status_class", "2xx");
        double before = counter("authvital.idp.requests", listed);

        Devices.sessions(a, laptop); // GET /oauth/sessions at the IdP

        await(() -> Optional.of(counter("authvital.idp.requests", listed)).filter(value -> value >= before + 1),
                "the sessions call counted");
        CollectedPoint duration = await(() -> collector.points("authvital.idp.request.duration").stream()
                .filter(point -> point.service().equals(a.name()) && point.attributes().equals(listed)).findFirst(),
                "the sessions call's duration");
        assertTrue(duration.count() >= 1 && duration.sum() > 0, duration.toString());
        assertEquals(0.005, duration.bounds().get(0), "buckets in seconds, not the SDK's milliseconds: " + duration);

        CollectedSpan call = await(() -> collector.spans("authvital.idp.sessions").stream()
                .filter(span -> span.service().equals(a.name())).reduce((first, second) -> second), "the sessions span");
        assertEquals("CLIENT", call.kind(), call.toString());
        assertEquals("200", call.attributes().get("http.response.status_code"), call.toString());
        assertTrue(call.hasParent(), "a child of the request's span: " + call);
        CollectedSpan parent = await(() -> collector.spans(null).stream()
                .filter(span -> span.spanId().equals(call.parentSpanId())).findFirst(), "the request's span");
        assertEquals(call.traceId(), parent.traceId(), parent.toString());
        assertEquals("SERVER", parent.kind(), "the server's span of GET api/sessions: " + parent);
    }

    @Test
    void aFailedIdpCallsSpanSaysErrorWithTheMessageIdAndNothingOfTheRequest() {
        Deployments.standIn().resetDemoUser();
        SignedInBrowser laptop = Devices.signIn(a, FIREFOX);
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> revoked = new TestHttp(a.app()).send("POST", "api/sessions/" + unknown + "/revoke", null,
                "Authorization", "Bearer " + laptop.accessToken());
        assertEquals(404, revoked.statusCode(), revoked.body());

        CollectedSpan call = await(() -> collector.spans("authvital.idp.revoke").stream()
                .filter(span -> span.service().equals(a.name())
                        && "404".equals(span.attributes().get("http.response.status_code"))).findFirst(),
                "the failed revoke's span");
        assertEquals("ERROR", call.statusCode(), call.toString());
        assertTrue(call.attributes().getOrDefault("authvital.message_id", "").matches("AV\\d{4}"), call.toString());
        assertFalse(call.toString().contains(unknown), "no session id in the span: " + call);
        assertFalse(call.toString().contains(laptop.accessToken()), "no token in the span");
    }

    @Test
    void theKeysFetchesAndTheStoreAreGauged() {
        await(() -> collector.points("authvital.jwks.fetches").stream()
                .filter(point -> point.service().equals(a.name()) && point.attributes().equals(Map.of("outcome", "success"))
                        && point.value() >= 1).findFirst(), "a successful key fetch");
        CollectedPoint reachable = await(() -> collector.points("authvital.store.reachable").stream()
                .filter(point -> point.service().equals(a.name())).findFirst(), "the store's reachability");
        assertEquals(1, reachable.value(), reachable.toString());
        await(() -> collector.points("authvital.store.entries").stream()
                .filter(point -> point.service().equals(a.name()) && "denials".equals(point.attributes().get("region")))
                .findFirst(), "the mirror's size");
        await(() -> collector.points("authvital.token.cache.size").stream()
                .filter(point -> point.service().equals(a.name())).findFirst(), "the token cache's size");
    }
}
