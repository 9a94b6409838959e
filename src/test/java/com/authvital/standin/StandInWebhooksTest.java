package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stand-in sends AuthVital's signed webhooks (authvital-events.md §2, §3) when its dev
 * controls change a member, and a receiver on loopback observes them as it would AuthVital's.
 * Each test has its own stand-in and receiver.
 */
class StandInWebhooksTest {

    private StandInIdp idp;
    private IdpHttp http;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        idp = StandInIdp.start(0, "test-app");
        http = new IdpHttp(idp);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        idp.close();
        receiver.close();
    }

    private void register(String channel) {
        IdpHttp.Answer answer = http.send("PUT", "/dev/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"channel\":\"" + channel + "\"}");
        assertEquals(200, answer.status(), answer.body());
    }

    /** A user with a session in the demo tenant {@code acme}. */
    private IdpHttp.NewSession tenantUser() {
        return http.session("{\"tenant\":\"acme\"}");
    }

    private JsonObject control(String method, String path, String body) {
        IdpHttp.Answer answer = http.send(method, path, body);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private JsonObject suspend(String userId) {
        return control("POST", "/dev/members/" + userId + "/suspend", "{}");
    }

    /** The key the stand-in's JWKS lists under this kid, as a receiver resolves it. */
    private RSAPublicKey jwksKey(String kid) throws Exception {
        RSAKey key = (RSAKey) JWKSet.parse(http.send("GET", "/.well-known/jwks.json", null).body()).getKeyByKeyId(kid);
        return key == null ? null : key.toRSAPublicKey();
    }

    private List<String> jwksKids() {
        return http.send("GET", "/.well-known/jwks.json", null).json().getJsonArray("keys")
                .getValuesAs(JsonObject.class).stream().map(k -> k.getString("kid")).collect(Collectors.toList());
    }

    /** §6.2's check of a channel A request against the stand-in's JWKS, window aside. */
    private boolean verifiesAsSyncEvent(WebhookReceiver.Request request) throws Exception {
        RSAPublicKey key = jwksKey(request.header("X-AuthVital-Key-Id"));
        return key != null && WebhookSignature.verify(key,
                WebhookSignature.syncInput(request.header("X-AuthVital-Timestamp"), request.body()),
                request.header("X-AuthVital-Signature"));
    }

    private JsonObject application() {
        return control("GET", "/dev/application", null);
    }

    /** Suspending a member sends one POST with AuthVital's headers, verified by the JWKS key its kid names. */
    @Test
    void suspendSendsOneSignedPostVerifiedByTheJwksKeyItNames() throws Exception {
        register("sync");
        IdpHttp.NewSession user = tenantUser();

        JsonObject answer = suspend(user.userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        String eventId = answer.getJsonArray("events").getJsonObject(0).getString("id");
        assertEquals("POST", request.method());
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals(eventId, request.header("X-AuthVital-Event-Id"));
        assertEquals("member.suspended", request.header("X-AuthVital-Event-Type"));
        assertTrue(request.header("X-AuthVital-Key-Id").matches("key_\\d{13}_[0-9a-f]{8}"));
        assertTrue(request.header("X-AuthVital-Timestamp").matches("[0-9]{1,12}"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(request.header("X-AuthVital-Timestamp"))) < 30);
        assertEquals(344, request.header("X-AuthVital-Signature").length());
        assertTrue(verifiesAsSyncEvent(request));
        JsonObject body = request.json();
        assertEquals(eventId, body.getString("id"));
        assertEquals("member.suspended", body.getString("type"));
        assertEquals(application().getString("applicationId"), body.getString("application_id"));
        assertEquals(application().getJsonArray("tenants").getJsonObject(0).getString("tenantId"),
                body.getString("tenant_id"));
        assertEquals(SignedJWT.parse(user.accessToken()).getJWTClaimsSet().getClaim("tenant_id"), body.getString("tenant_id"));
        assertEquals(user.userId(), body.getJsonObject("data").getString("sub"));
        assertEquals(answer.getJsonObject("membership").getString("membershipId"),
                body.getJsonObject("data").getString("membership_id"));
        assertFalse(new String(request.body(), StandardCharsets.UTF_8).contains("client_id"));
        assertTrue(body.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
    }

    /** The body's keys are in Postgres JSONB order, shorter first, at every level, compact. */
    @Test
    void bodyKeysAreInJsonbOrder() throws Exception {
        register("sync");
        IdpHttp.NewSession user = tenantUser();

        suspend(user.userId());
        String body = new String(receiver.await(1).get(0).body(), StandardCharsets.UTF_8);

        assertTrue(body.matches("\\{\"id\":\"[0-9a-f-]{36}\",\"data\":\\{\"sub\":\"[^\"]+\",\"email\":\"[^\"]+\","
                + "\"membership_id\":\"c[0-9a-z]{24}\"},\"type\":\"member.suspended\",\"tenant_id\":\"[0-9a-f-]{36}\","
                + "\"timestamp\":\"[^\"]+\",\"application_id\":\"[^\"]+\"}"), body);
    }

    /** An event given to {@code POST /dev/events} goes out with its data re-ordered the JSONB way. */
    @Test
    void genericEventIsSentWithItsDataInJsonbOrder() throws Exception {
        register("sync");

        control("POST", "/dev/events", "{\"type\":\"subject.deleted\",\"tenantId\":\"t-1\",\"applicationId\":"
                + "\"" + application().getString("applicationId") + "\",\"timestamp\":\"2026-08-21T01:00:00.000Z\","
                + "\"data\":{\"zz\":{\"bb\":1,\"a\":[2,\"\u00eb\"]},\"b\":null,\"email\":\"x@example.test\"}}");
        String body = new String(receiver.await(1).get(0).body(), StandardCharsets.UTF_8);

        assertTrue(body.endsWith(",\"data\":{\"b\":null,\"zz\":{\"a\":[2,\"\u00eb\"],\"bb\":1},\"email\":\"x@example.test\"},"
                + "\"type\":\"subject.deleted\",\"tenant_id\":\"t-1\",\"timestamp\":\"2026-08-21T01:00:00.000Z\","
                + "\"application_id\":\"" + application().getString("applicationId") + "\"}"), body);
    }

    /** The webhook key sits in the JWKS beside the token key, which still signs the tokens. */
    @Test
    void jwksListsTheTokenKeyFirstAndTheWebhookKeyBesideIt() throws Exception {
        register("sync");
        IdpHttp.NewSession user = tenantUser();
        suspend(user.userId());
        String webhookKid = receiver.await(1).get(0).header("X-AuthVital-Key-Id");
        String tokenKid = SignedJWT.parse(user.accessToken()).getHeader().getKeyID();

        assertEquals(List.of(tokenKid, webhookKid), jwksKids());
        JsonObject webhookJwk = http.send("GET", "/.well-known/jwks.json", null).json().getJsonArray("keys").getJsonObject(1);
        assertEquals(java.util.Set.of("kty", "n", "e", "kid", "alg", "use"), webhookJwk.keySet());
        assertEquals("RS256", webhookJwk.getString("alg"));
        assertEquals("sig", webhookJwk.getString("use"));
        assertEquals(200, http.bearer("GET", "/oauth/sessions", user.accessToken(), null).status());
    }

    /** Until webhooks are used the JWKS holds the token key alone; a registration publishes the webhook key. */
    @Test
    void registrationPublishesTheWebhookKey() throws Exception {
        String tokenKid = SignedJWT.parse(tenantUser().accessToken()).getHeader().getKeyID();
        List<String> before = jwksKids();

        register("sync");

        assertEquals(List.of(tokenKid), before);
        assertEquals(List.of(tokenKid, control("GET", "/dev/webhooks/keys", null).getString("current")), jwksKids());
    }

    /** After a rotation the new webhook key signs and the old one stays published. */
    @Test
    void rotatedWebhookKeySignsAndTheOldOneStaysPublished() throws Exception {
        register("sync");
        IdpHttp.NewSession user = tenantUser();
        String before = control("GET", "/dev/webhooks/keys", null).getString("current");

        String after = control("POST", "/dev/webhooks/keys/rotate", null).getString("current");
        suspend(user.userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        assertNotEquals(before, after);
        assertEquals(after, request.header("X-AuthVital-Key-Id"));
        assertTrue(verifiesAsSyncEvent(request));
        assertTrue(jwksKids().containsAll(List.of(before, after)));
    }

    /** Channel B signs the raw body alone, with X-Webhook-* headers and the body's own timestamp. */
    @Test
    void systemWebhookSignsTheBodyOnly() throws Exception {
        register("system");
        IdpHttp.NewSession user = tenantUser();

        control("POST", "/dev/members/" + user.userId() + "/tenant-app/revoke", "{}");
        WebhookReceiver.Request request = receiver.await(1).get(0);

        RSAPublicKey key = jwksKey(request.header("X-Webhook-Key-Id"));
        assertTrue(WebhookSignature.verify(key, request.body(), request.header("X-Webhook-Signature")));
        assertFalse(WebhookSignature.verify(key, WebhookSignature.syncInput(request.header("X-Webhook-Timestamp"),
                request.body()), request.header("X-Webhook-Signature")));
        assertEquals("tenant.app.revoked", request.header("X-Webhook-Event"));
        assertEquals(request.json().getString("timestamp"), request.header("X-Webhook-Timestamp"));
        assertNull(request.header("X-AuthVital-Event-Id"));
        assertEquals(List.of("data", "event", "timestamp"), List.copyOf(request.json().keySet()));
        assertEquals(user.userId(), request.json().getJsonObject("data").getString("user_id"));
    }

    /**
     * A 500 is retried: the retry has a fresh timestamp and a new signature, the same event id
     * and the same body bytes. Delays scaled by 0.1, so the retry comes a second later.
     */
    @Test
    void failedDeliveryIsRetriedWithFreshTimestampAndSameIdAndBody() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/settings", "{\"retryScale\":0.1}");
        receiver.answer(500);
        IdpHttp.NewSession user = tenantUser();

        suspend(user.userId());
        List<WebhookReceiver.Request> requests = receiver.await(2);

        WebhookReceiver.Request first = requests.get(0);
        WebhookReceiver.Request retry = requests.get(1);
        assertEquals(first.header("X-AuthVital-Event-Id"), retry.header("X-AuthVital-Event-Id"));
        assertArrayEquals(first.body(), retry.body());
        assertTrue(Long.parseLong(retry.header("X-AuthVital-Timestamp")) > Long.parseLong(first.header("X-AuthVital-Timestamp")));
        assertNotEquals(first.header("X-AuthVital-Signature"), retry.header("X-AuthVital-Signature"));
        assertTrue(verifiesAsSyncEvent(first));
        assertTrue(verifiesAsSyncEvent(retry));
        List<JsonObject> log = control("GET", "/dev/webhooks/deliveries", null).getJsonArray("deliveries")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2), log.stream().map(d -> d.getInt("attempt")).collect(Collectors.toList()));
        assertEquals(List.of(500, 200), log.stream().map(d -> d.getInt("status")).collect(Collectors.toList()));
    }

    /** Channel A gives up after five attempts, 4xx included; a redirect is a failure, never followed. */
    @Test
    void syncEventIsAttemptedFiveTimesAtMost() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/settings", "{\"retryScale\":0.0001}");
        receiver.answer(302, 400, 500, 503, 500, 500);
        IdpHttp.NewSession user = tenantUser();

        suspend(user.userId());
        receiver.await(5);
        Thread.sleep(300);

        assertEquals(5, receiver.requests().size());
        assertTrue(receiver.requests().stream().allMatch(r -> r.header("X-AuthVital-Event-Id") != null));
    }

    /** Channel B does not retry a 4xx other than 429, as the broker's system deliverer (events §3.7). */
    @Test
    void systemWebhookIsNotRetriedAfterA4xx() throws Exception {
        register("system");
        control("PUT", "/dev/webhooks/settings", "{\"retryScale\":0.0001}");
        receiver.answer(404);

        control("POST", "/dev/application/disable", null);
        receiver.await(1);
        Thread.sleep(300);

        assertEquals(1, receiver.requests().size());
    }

    /** A receiver slower than the POST timeout counts as a failure, logged as a timeout, and is retried. */
    @Test
    void slowReceiverTimesOutAndIsRetried() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/settings", "{\"timeoutMs\":200,\"retryScale\":0.0001}");
        receiver.delay(400);

        suspend(tenantUser().userId());
        receiver.await(2);
        Thread.sleep(300);

        JsonObject first = control("GET", "/dev/webhooks/deliveries", null).getJsonArray("deliveries").getJsonObject(0);
        assertEquals("timeout", first.getString("error"));
        assertTrue(first.isNull("status"));
    }

    /** Only loopback URLs can be registered: the stand-in never posts elsewhere. */
    @Test
    void onlyLoopbackUrlsCanBeRegistered() {
        IdpHttp.Answer answer = http.send("PUT", "/dev/webhooks", "{\"url\":\"https://example.com/hook\"}");

        assertEquals(400, answer.status());
        assertEquals(0, control("GET", "/dev/webhooks", null).getJsonArray("webhooks").size());
    }

    /** With two duplicates on, one event arrives three times with the same id and body. */
    @Test
    void duplicatesArriveNPlusOneTimesWithTheSameId() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"duplicates\":2}");
        IdpHttp.NewSession user = tenantUser();

        suspend(user.userId());
        List<WebhookReceiver.Request> requests = receiver.await(3);
        Thread.sleep(200);

        assertEquals(3, receiver.requests().size());
        assertEquals(1, requests.stream().map(r -> r.header("X-AuthVital-Event-Id")).distinct().count());
        assertEquals(1, requests.stream().map(r -> new String(r.body(), StandardCharsets.UTF_8)).distinct().count());
    }

    /** Held events come out in the order the release asks for: here the activation before the suspension. */
    @Test
    void heldEventsAreReleasedInReverseOrder() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"hold\":true}");
        IdpHttp.NewSession user = tenantUser();
        suspend(user.userId());
        control("POST", "/dev/members/" + user.userId() + "/activate", "{}");
        Thread.sleep(200);
        assertEquals(0, receiver.requests().size());

        control("POST", "/dev/webhooks/release", "{\"order\":\"reverse\"}");
        List<WebhookReceiver.Request> requests = receiver.await(2);

        assertEquals(List.of("member.activated", "member.suspended"),
                requests.stream().map(r -> r.header("X-AuthVital-Event-Type")).collect(Collectors.toList()));
        assertTrue(requests.get(0).json().getString("timestamp").compareTo(requests.get(1).json().getString("timestamp")) >= 0);
    }

    /** {@code tamper: signature}: the signature is of the right length but verifies nothing. */
    @Test
    void wrongSignatureFailsVerification() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"tamper\":\"signature\"}");

        suspend(tenantUser().userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        assertEquals(344, request.header("X-AuthVital-Signature").length());
        assertFalse(verifiesAsSyncEvent(request));
    }

    /** {@code tamper: stale-timestamp}: the signature verifies, the timestamp is outside a ±300 s window. */
    @Test
    void staleTimestampVerifiesButIsOutsideTheWindow() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"tamper\":\"stale-timestamp\"}");

        suspend(tenantUser().userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        assertTrue(verifiesAsSyncEvent(request));
        assertTrue(Instant.now().getEpochSecond() - Long.parseLong(request.header("X-AuthVital-Timestamp")) > 300);
    }

    /** {@code tamper: foreign-kid}: a kid of AuthVital's form that the JWKS does not list. */
    @Test
    void foreignKidIsNotInTheJwks() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"tamper\":\"foreign-kid\"}");

        suspend(tenantUser().userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        assertTrue(request.header("X-AuthVital-Key-Id").matches("key_\\d{13}_[0-9a-f]{8}"));
        assertNull(jwksKey(request.header("X-AuthVital-Key-Id")));
    }

    /** {@code tamper: body}: one byte more after signing; the original body would have verified. */
    @Test
    void bodyChangedAfterSigningFailsVerification() throws Exception {
        register("sync");
        control("PUT", "/dev/webhooks/controls", "{\"tamper\":\"body\"}");

        suspend(tenantUser().userId());
        WebhookReceiver.Request request = receiver.await(1).get(0);

        assertFalse(verifiesAsSyncEvent(request));
        String sent = new String(request.body(), StandardCharsets.UTF_8);
        assertTrue(sent.startsWith("{ \"id\""), sent);
        RSAPublicKey key = jwksKey(request.header("X-AuthVital-Key-Id"));
        assertTrue(WebhookSignature.verify(key, WebhookSignature.syncInput(request.header("X-AuthVital-Timestamp"),
                sent.replaceFirst("\\{ ", "{").getBytes(StandardCharsets.UTF_8)), request.header("X-AuthVital-Signature")));
    }

    /** With nothing registered (or the registration deleted) nothing is sent. */
    @Test
    void nothingIsSentWhenNothingIsRegistered() throws Exception {
        register("sync");
        assertEquals(204, http.send("DELETE", "/dev/webhooks", null).status());

        suspend(tenantUser().userId());
        Thread.sleep(300);

        assertEquals(0, receiver.requests().size());
        assertEquals(0, control("GET", "/dev/webhooks/deliveries", null).getJsonArray("deliveries").size());
    }

    /**
     * Twenty events to a slow receiver: the controls answer before any delivery ends, and the
     * receiver never has more requests at once than the sender's two threads.
     */
    @Test
    void deliveryIsAsynchronousOnABoundedExecutor() throws Exception {
        register("sync");
        receiver.delay(100);

        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            control("POST", "/dev/events", "{\"type\":\"member.suspended\",\"data\":{\"n\":" + i + "}}");
        }
        long controlsMs = (System.nanoTime() - start) / 1_000_000;
        receiver.await(20);

        // Waiting for each delivery would take 20 x 100 ms at least.
        assertTrue(controlsMs < 2000, "the controls took " + controlsMs + " ms");
        assertTrue(receiver.maxInFlight() <= WebhookSender.THREADS, "in flight at once: " + receiver.maxInFlight());
    }

    /** A suspended member's refresh in that tenant is refused; after activation it works again. */
    @Test
    void suspendedMemberGetsNoNewTokens() {
        IdpHttp.NewSession user = tenantUser();
        String refresh = "grant_type=refresh_token&client_id=test-app&refresh_token=" + user.refreshToken();

        suspend(user.userId());
        IdpHttp.Answer refused = http.form("/oauth/token", refresh);
        control("POST", "/dev/members/" + user.userId() + "/activate", "{}");
        IdpHttp.Answer accepted = http.form("/oauth/token", refresh);

        assertEquals(401, refused.status());
        assertEquals("Invalid refresh token", refused.json().getString("message"));
        assertEquals(200, accepted.status(), accepted.body());
    }

    /** A changed app role is announced with the previous one, and the next tokens carry the new one. */
    @Test
    void roleChangeIsAnnouncedAndTheNextTokensCarryTheNewRole() throws Exception {
        register("sync");
        IdpHttp.NewSession user = tenantUser();

        control("PUT", "/dev/members/" + user.userId() + "/app-role", "{\"role\":\"viewer\"}");
        JsonObject data = receiver.await(1).get(0).json().getJsonObject("data");
        IdpHttp.Answer refreshed = http.form("/oauth/token",
                "grant_type=refresh_token&client_id=test-app&refresh_token=" + user.refreshToken());

        assertEquals("viewer", data.getString("role_slug"));
        assertEquals("user", data.getString("previous_role_slug"));
        assertEquals(List.of("viewer"), SignedJWT.parse(refreshed.json().getString("access_token"))
                .getJWTClaimsSet().getStringListClaim("app_roles"));
    }

    /** Disabling the application sends application.updated with is_active false; refreshes are refused. */
    @Test
    void disabledApplicationIsAnnouncedOnChannelBAndRefusesRefreshes() throws Exception {
        register("system");
        IdpHttp.NewSession user = tenantUser();

        control("POST", "/dev/application/disable", null);
        JsonObject body = receiver.await(1).get(0).json();
        IdpHttp.Answer refused = http.form("/oauth/token",
                "grant_type=refresh_token&client_id=test-app&refresh_token=" + user.refreshToken());

        assertEquals("application.updated", body.getString("event"));
        assertFalse(body.getJsonObject("data").getBoolean("is_active"));
        assertEquals(application().getString("applicationId"), body.getJsonObject("data").getString("application_id"));
        assertEquals(401, refused.status());
        assertEquals("Application is disabled", refused.json().getString("message"));
    }
}
