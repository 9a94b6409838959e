package com.authvital.jakarta.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.message.ConfigKeys;
import com.authvital.jakarta.internal.token.RevocationList;
import com.authvital.jakarta.internal.token.TokenValidator;
import com.authvital.standin.StandInIdp;
import com.authvital.standin.WebhookReceiver;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The module's checks take the stand-in's events as they take AuthVital's: a suspension delivered
 * to a receiver on loopback verifies with the key the module's own key cache fetched from the
 * stand-in's JWKS by the request's kid, and the stand-in's tampered deliveries are refused with
 * their ids.
 */
class StandInEventsTest {

    private static final String CLIENT_ID = "events-test-app";
    private final HttpClient http = HttpClient.newHttpClient();
    private StandInIdp idp;
    private WebhookReceiver receiver;
    private TokenValidator validator;
    private EventVerifier verifier;

    @BeforeEach
    void start() {
        idp = StandInIdp.start(0, CLIENT_ID);
        receiver = new WebhookReceiver();
        Map<String, String> config = Map.of(ConfigKeys.HOST, idp.baseUrl(), ConfigKeys.CLIENT_ID, CLIENT_ID,
                ConfigKeys.JWKS_REFETCH_INTERVAL, "1s");
        validator = new TokenValidator(AuthVitalConfig.load(key -> Optional.ofNullable(config.get(key))),
                Clock.systemUTC(), RevocationList.NONE);
        verifier = new EventVerifier(validator::verifySignature, Clock.systemUTC(), Duration.ofSeconds(300));
        send("PUT", "/dev/webhooks", "{\"url\":\"" + receiver.url() + "\",\"channel\":\"sync\"}");
    }

    @AfterEach
    void stop() {
        validator.close();
        receiver.close();
        idp.close();
    }

    private JsonObject send(String method, String path, String body) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(idp.baseUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            return Json.createReader(new StringReader(answer.body())).readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private VerifiedEvent verify(WebhookReceiver.Request request) {
        return verifier.verify(EventChannel.SYNC, request::header, request.body());
    }

    private String suspendNewUser() {
        String user = StandInClient.at(idp.baseUrl()).newUser().userId();
        send("POST", "/dev/members/" + user + "/suspend", "{\"tenant\":\"acme\"}");
        return user;
    }

    @Test
    void aSuspensionTheStandInSentVerifiesWithTheKeyTheModulesCacheFetched() throws Exception {
        JsonObject application = send("GET", "/dev/application", "");
        String user = suspendNewUser();

        VerifiedEvent event = verify(receiver.await(1).get(0));

        assertEquals("member.suspended", event.type());
        assertEquals(user, event.data().getString("sub"));
        assertEquals(application.getString("applicationId"), event.applicationId());
        assertEquals(application.getJsonArray("tenants").getJsonObject(0).getString("tenantId"), event.tenantId());
    }

    @Test
    void theStandInsTamperedDeliveriesAreRefusedEachWithItsId() throws Exception {
        Map<String, String> expected = Map.of("body", "AV1604E: ", "signature", "AV1604E: ",
                "foreign-kid", "AV1603E: ", "stale-timestamp", "AV1602E: ");
        int sent = 0;
        for (Map.Entry<String, String> tamper : expected.entrySet()) {
            send("PUT", "/dev/webhooks/controls", "{\"tamper\":\"" + tamper.getKey() + "\"}");
            suspendNewUser();
            WebhookReceiver.Request request = receiver.await(++sent).get(sent - 1);
            if (tamper.getKey().equals("foreign-kid")) {
                Thread.sleep(1100); // past the refetch interval: the unknown kid is fetched for
            }

            EventRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(EventRefusedException.class,
                    () -> verify(request));
            assertEquals(401, refused.status(), tamper.getKey());
            assertTrue(refused.getMessage().startsWith(tamper.getValue()), tamper.getKey() + ": " + refused.getMessage());
        }
    }

    @Test
    void aForeignKidWithinTheRefetchIntervalIsToBeSentAgainAndCostsNoFetch() throws Exception {
        suspendNewUser();
        verify(receiver.await(1).get(0)); // the keys, the webhook key among them, fetched now
        send("PUT", "/dev/webhooks/controls", "{\"tamper\":\"foreign-kid\"}");
        suspendNewUser();
        WebhookReceiver.Request forged = receiver.await(2).get(1);
        long fetches = StandInClient.at(idp.baseUrl()).jwksFetches();

        EventRefusedException refused = org.junit.jupiter.api.Assertions.assertThrows(EventRefusedException.class,
                () -> verify(forged));

        assertEquals(503, refused.status());
        assertTrue(refused.getMessage().startsWith("AV1615W: "), refused.getMessage());
        assertEquals(fetches, StandInClient.at(idp.baseUrl()).jwksFetches(), "no fetch for it");
    }
}
