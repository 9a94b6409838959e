package com.authvital.jakarta.it.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The receiver mapped by {@code authvital.events.path} answers what is not AuthVital's event with
 * its status and id, and takes the stand-in's real events, duplicates with a 2xx.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventsReceiverIT {

    /** This class's own IdP: its webhook registration and its deliveries are this class's alone. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // A first registration puts the stand-in's webhook key in its JWKS before the application
        // fetches the keys; the tests register the application's URL.
        new StandInWebhooks(idp.baseUrl()).register("http://127.0.0.1:9/nowhere");
        return idp.app("events-receiver", Map.of("authvital.events.path", "/events",
                "authvital.application-id", StandInWebhooks.APPLICATION_ID));
    }

    @ArquillianResource
    URL app;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(HttpRequest.BodyPublisher body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app + "events")).POST(body)
                .header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyPostIsAnEvent() throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(app + "events")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertTrue(get.body().contains("AV1606E"), get.body());
    }

    @Test
    void anUnsignedEventIsRefusedWith401AndItsId() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString("{\"id\":\"1\",\"type\":\"member.suspended\"}"));

        assertEquals(401, answer.statusCode());
        assertTrue(answer.body().contains("AV1601E") && answer.body().contains("X-AuthVital-Signature"), answer.body());
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024]),
                "X-AuthVital-Signature", "AAAA", "X-AuthVital-Key-Id", "k", "X-AuthVital-Timestamp", "1");

        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("AV1607E"), answer.body());
    }

    @Test
    void aSystemWebhookIsRefusedWhileTheApplicationDoesNotTakeThem() throws Exception {
        HttpResponse<String> answer = post(HttpRequest.BodyPublishers.ofString("{\"event\":\"tenant.deleted\"}"),
                "X-Webhook-Signature", "AAAA", "X-Webhook-Key-Id", "k");

        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains("AV1608E") && answer.body().contains("authvital.events.system"), answer.body());
    }

    @Test
    void theStandInsSuspensionIsTakenOnceAndEachCopyAnswered2xx() throws Exception {
        StandInWebhooks webhooks = new StandInWebhooks(idp.baseUrl());
        webhooks.register(app + "events");
        webhooks.awaitTaken();
        webhooks.controls("{\"duplicates\":2}");
        NewSession user = idp.standIn().session(Map.of("tenant", StandInWebhooks.TENANT));
        assertEquals(200, OwnIdp.me(app, user.accessToken()).statusCode());

        String event = webhooks.member(user.userId(), "suspend");

        webhooks.attempts(event, 3).forEach(copy -> assertEquals(204, copy.getInt("status"), "each copy: " + copy));
        HttpResponse<String> refused = OwnIdp.me(app, user.accessToken());
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("AV1013E"), refused.body());
    }
}
