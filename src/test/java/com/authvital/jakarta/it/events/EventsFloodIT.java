package com.authvital.jakarta.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.Flood;
import com.authvital.testing.ServerLog;
import com.authvital.testing.StandInClient;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInWebhooks;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Anyone can post to the receiver: 200,000 made-up events (unsigned, a signature that is not
 * base64, a stale timestamp, a made-up key id with a fresh one) act on nothing, cost the IdP at
 * most one key fetch per refetch interval, log one line a minute at most, and leave the receiver
 * taking AuthVital's next real event.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsFloodIT {

    private static final int REQUESTS = 200_000;
    private static final int CLIENTS = 8;

    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        new StandInWebhooks(idp.baseUrl()).register("http://127.0.0.1:9/nowhere"); // the webhook key, before the app's fetch
        return idp.app("events-flood", Map.of("authvital.events.path", "/events",
                "authvital.application-id", StandInWebhooks.APPLICATION_ID));
    }

    @ArquillianResource
    URL app;

    private static HttpRequest junk(URI events, int i) {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"member.suspended\",\"data\":{\"sub\":\"u" + i + "\"}}";
        HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String signature = Base64.getEncoder().encodeToString(("made-up " + i).getBytes());
        long now = Instant.now().getEpochSecond();
        return switch (i % 4) {
            case 0 -> request.build();
            case 1 -> request.header("X-AuthVital-Signature", "not base64 !" + i).header("X-AuthVital-Key-Id", "k")
                    .header("X-AuthVital-Timestamp", Long.toString(now)).build();
            case 2 -> request.header("X-AuthVital-Signature", signature).header("X-AuthVital-Key-Id", "key_" + i)
                    .header("X-AuthVital-Timestamp", Long.toString(now - 3600)).build();
            default -> request.header("X-AuthVital-Signature", signature).header("X-AuthVital-Key-Id", "key_" + i)
                    .header("X-AuthVital-Timestamp", Long.toString(now)).build();
        };
    }

    @Test
    void twoHundredThousandMadeUpEventsActOnNothingAndCostAFetchPerIntervalAtMost() throws Exception {
        StandInClient standIn = idp.standIn();
        NewSession user = standIn.session(Map.of("tenant", StandInWebhooks.TENANT));
        assertEquals(200, OwnIdp.me(app, user.accessToken()).statusCode());
        long warnings = ServerLog.text().lines().filter(line -> line.contains("AV1613W")).count();
        standIn.resetStats();

        URI events = URI.create(app + "events");
        Flood.Result flood = Flood.send(REQUESTS, CLIENTS, i -> junk(events, i));
        double seconds = flood.seconds();
        long fetches = standIn.jwksFetches();
        System.out.printf("%d made-up events in %.1f s: %d answered 401, %d answered 503; %d JWKS fetches%n",
                REQUESTS, seconds, flood.count(401), flood.count(503), fetches);

        assertEquals(REQUESTS, flood.count(401) + flood.count(503), "only refusals");
        assertTrue(fetches <= seconds / 30 + 2, fetches + " JWKS fetches in " + seconds + " s");
        long logged = ServerLog.text().lines().filter(line -> line.contains("AV1613W")).count() - warnings;
        assertTrue(logged >= 1 && logged <= seconds / 60 + 2, logged + " AV1613W lines in " + seconds + " s");
        assertEquals(200, OwnIdp.me(app, user.accessToken()).statusCode(), "nothing acted on");

        StandInWebhooks webhooks = new StandInWebhooks(idp.baseUrl());
        webhooks.register(app + "events");
        webhooks.awaitTaken();
        assertEquals(204, webhooks.attempts(webhooks.member(user.userId(), "suspend"), 1).get(0).getInt("status"));
        HttpResponse<String> refused = OwnIdp.me(app, user.accessToken());
        assertEquals(401, refused.statusCode(), "the next real event is taken: " + refused.body());
    }
}
