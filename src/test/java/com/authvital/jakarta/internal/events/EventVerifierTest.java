package com.authvital.jakarta.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.internal.token.TokenValidator.SignatureCheck;
import com.nimbusds.jose.jwk.RSAKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event is acted on only when AuthVital signed its exact bytes: checked against the contract's
 * test vector (authvital-events.md §6.2, a signature made by AuthVital's own signing code), and
 * every way a request can fall short of it is refused with its id, before its body is read.
 */
class EventVerifierTest {

    /** The contract's vector: the public key of an ephemeral RSA-2048 key, as the JWKS publishes it. */
    private static final String JWK = "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"key_1787270000000_9f3a1c2b\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"ocf3Hcnq87Lbe38kMx8k3pykQ5gAjGyzRZZ0pXx7G9ZTBER-EI2oR_OwTJiu4qK5FuRKHNe9GRJgwffN286HiYkAYlfHEdM88cvjlCynQGHNyIEPSwFC9MNijOuSdwZSOXv3UFsP1ZPrxy__otVB-8Ahqyk-ItcOb4Un-r8zh_HiJWcCThDW1PFWokx4MWfkvOjSlj-SMaM_KXH8Rv_DaKreMUV9Weu6QsGgkDAKz41v0MF10BVVYlO4ki6CFleAmS1n7cHd8bICkXtJQEVzaWqoum3niadbdVhHYg5TFzYzLyzs2guefgLepxHEcOrwDElrI4D5ENIY7B07Xmgw3Q\"}";
    private static final String KID = "key_1787270000000_9f3a1c2b";
    private static final String TIMESTAMP = "1787276245";
    private static final String BODY = "{\"id\":\"3f0c2a9e-7c1d-4b8e-9a57-2d7f1e0b6c41\",\"data\":{\"sub\":\"8d5c7b0e-1f2a-4c3d-9e4f-5a6b7c8d9e0f\",\"email\":\"zoë@acme.example\",\"membership_id\":\"cmeq1mem0000h8j6g4f2d0s9\"},\"type\":\"member.suspended\",\"tenant_id\":\"6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8\",\"timestamp\":\"2026-08-21T01:37:24.512Z\",\"application_id\":\"cmeq1app0000k2v9x7w3r5t1\"}";
    private static final String SIGNATURE = "NnXoMrVQBkwpEdlJoywT+lQv0gPilcxLEBclDokLwmGzKjNNv8wJ9m+ONTAdFZSST2ACtRS5tPP+neCIBGQik7awrgy6YXQMrW2/su+jm01XsLe5w3LR4Z72/ouQsm4pjhLEwZvnnohv+IBMMqDY5lD6rpIIg+31+qLP/Rrc58RuBw5xqhWIb4updaX1YW1BxCKzIE3oh96Gfcp2KD5HONjGIjuuxD1HLg7oUTmKjsQc8LASVZFkpVIfrutDU35UaKW7RbJ6zR2H081MRD7Ao4HfigYGbgwgJklrM+Ec4TESB1If7I08Fz7eJ5ZFpBIXod/GH4PQJ7Xd6SmVqDjl+w==";
    private static final Duration WINDOW = Duration.ofSeconds(300);

    private final RSAPublicKey key;
    private int keyLookups;

    EventVerifierTest() throws Exception {
        key = RSAKey.parse(JWK).toRSAPublicKey();
    }

    /** The IdP's keys as the module checks a signature by one: here the vector's only key. */
    private SignatureCheck verify(String kid, byte[] input, byte[] signature) {
        keyLookups++;
        if (!KID.equals(kid)) {
            return SignatureCheck.UNKNOWN_KEY;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature) ? SignatureCheck.VALID : SignatureCheck.INVALID;
        } catch (GeneralSecurityException e) {
            return SignatureCheck.INVALID;
        }
    }

    private EventVerifier verifierAt(Instant now) {
        return new EventVerifier(this::verify, Clock.fixed(now, ZoneOffset.UTC), WINDOW);
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        headers.put("X-AuthVital-Signature", SIGNATURE);
        headers.put("X-AuthVital-Key-Id", KID);
        headers.put("X-AuthVital-Timestamp", TIMESTAMP);
        headers.put("X-AuthVital-Event-Id", "3f0c2a9e-7c1d-4b8e-9a57-2d7f1e0b6c41");
        headers.put("X-AuthVital-Event-Type", "member.suspended");
        return headers;
    }

    private static byte[] body() {
        return BODY.getBytes(StandardCharsets.UTF_8);
    }

    private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

    @Test
    void theVectorsBodyIsTheContractsBytes() throws Exception {
        byte[] body = body();
        assertEquals(330, body.length);
        assertEquals("5fbc6721c9265a130e24b43e374f0144b4c044002b686dffc555d06e274a8297",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void aMemberSuspendedSignedByAuthVitalIsVerifiedAndRead() {
        VerifiedEvent event = verifierAt(SENT.plusSeconds(2)).verify(EventChannel.SYNC, headers()::get, body());

        assertEquals(EventChannel.SYNC, event.channel());
        assertEquals("3f0c2a9e-7c1d-4b8e-9a57-2d7f1e0b6c41", event.id());
        assertEquals("member.suspended", event.type());
        assertEquals(Instant.parse("2026-08-21T01:37:24.512Z"), event.timestamp());
        assertEquals("6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8", event.tenantId());
        assertEquals("cmeq1app0000k2v9x7w3r5t1", event.applicationId());
        assertEquals("8d5c7b0e-1f2a-4c3d-9e4f-5a6b7c8d9e0f", event.data().getString("sub"));
        assertEquals("zo\u00eb@acme.example", event.data().getString("email"), "UTF-8, not ISO-8859-1");
        assertFalse(event.toString().contains("acme.example"), "no e-mail in toString: " + event);
    }

    @Test
    void aBodyChangedByOneByteIsRefusedAsNotSigned() {
        byte[] body = body();
        body[body.length - 3] = (byte) '2'; // the application id's last character, 1 -> 2

        EventRefusedException refused = assertThrows(EventRefusedException.class,
                () -> verifierAt(SENT).verify(EventChannel.SYNC, headers()::get, body));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().startsWith("AV1604E: "), refused.getMessage());
    }

    @Test
    void aBodyReadAsIso88591AndWrittenAgainIsRefused() {
        byte[] recoded = new String(body(), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);

        EventRefusedException refused = assertThrows(EventRefusedException.class,
                () -> verifierAt(SENT).verify(EventChannel.SYNC, headers()::get, recoded));
        assertTrue(refused.getMessage().startsWith("AV1604E: "), refused.getMessage());
    }

    @Test
    void anOldOrFutureTimestampIsRefusedBeforeAnyKeyIsLookedUp() {
        for (Instant now : new Instant[] {SENT.plusSeconds(301), SENT.minusSeconds(301)}) {
            EventRefusedException refused = assertThrows(EventRefusedException.class,
                    () -> verifierAt(now).verify(EventChannel.SYNC, headers()::get, body()));
            assertEquals(401, refused.status());
            assertTrue(refused.getMessage().startsWith("AV1602E: "), refused.getMessage());
        }
        assertEquals(0, keyLookups, "no key fetch for a stale event");
        verifierAt(SENT.plusSeconds(300)).verify(EventChannel.SYNC, headers()::get, body());
    }

    @Test
    void aTimestampThatIsNotDigitsIsRefused() {
        for (String timestamp : new String[] {"1787276245.0", "+1787276245", "2026-08-21T01:37:25Z", "", "1234567890123"}) {
            Map<String, String> headers = headers();
            headers.put("X-AuthVital-Timestamp", timestamp);
            EventRefusedException refused = assertThrows(EventRefusedException.class,
                    () -> verifierAt(SENT).verify(EventChannel.SYNC, headers::get, body()));
            assertTrue(refused.getMessage().startsWith("AV1602E: "), timestamp + ": " + refused.getMessage());
        }
    }

    @Test
    void aForeignKeyIdIsRefusedAsUnknown() {
        Map<String, String> headers = headers();
        headers.put("X-AuthVital-Key-Id", "key_1787270000000_00000000");

        EventRefusedException refused = assertThrows(EventRefusedException.class,
                () -> verifierAt(SENT).verify(EventChannel.SYNC, headers::get, body()));
        assertEquals(401, refused.status());
        assertTrue(refused.getMessage().startsWith("AV1603E: "), refused.getMessage());
    }

    @Test
    void aMissingOrMalformedSignatureHeaderIsRefusedAndNamed() {
        Map<String, String> noSignature = headers();
        noSignature.remove("X-AuthVital-Signature");
        Map<String, String> urlSafe = headers();
        urlSafe.put("X-AuthVital-Signature", SIGNATURE.replace('+', '-').replace('/', '_'));
        Map<String, String> noKey = headers();
        noKey.remove("X-AuthVital-Key-Id");

        for (Map<String, String> headers : java.util.List.of(noSignature, urlSafe, noKey)) {
            EventRefusedException refused = assertThrows(EventRefusedException.class,
                    () -> verifierAt(SENT).verify(EventChannel.SYNC, headers::get, body()));
            assertEquals(401, refused.status());
            assertTrue(refused.getMessage().startsWith("AV1601E: "), refused.getMessage());
            assertFalse(refused.getMessage().contains(SIGNATURE.substring(0, 20)), "no header value in the message");
        }
    }

    @Test
    void anEventIdHeaderOtherThanTheBodysIsRefused() {
        Map<String, String> headers = headers();
        headers.put("X-AuthVital-Event-Id", "00000000-0000-4000-8000-000000000000");

        EventRefusedException refused = assertThrows(EventRefusedException.class,
                () -> verifierAt(SENT).verify(EventChannel.SYNC, headers::get, body()));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("AV1605E: "), refused.getMessage());
    }

    @Test
    void aSystemWebhookIsSignedOverItsBodyAloneAndKnownByTheBodysHash() {
        // The vector's signature covers the timestamp and the body: as a system webhook (body
        // alone) it does not verify, whatever the headers say.
        Map<String, String> headers = Map.of("X-Webhook-Signature", SIGNATURE, "X-Webhook-Key-Id", KID);

        EventRefusedException refused = assertThrows(EventRefusedException.class,
                () -> verifierAt(SENT).verify(EventChannel.SYSTEM, headers::get, body()));
        assertTrue(refused.getMessage().startsWith("AV1604E: "), refused.getMessage());
    }

    @Test
    void anInvitationWithoutAnApplicationIsAnEventOfNobodyNotAMalformedOne() throws Exception {
        // invite.created may carry application_id "" (contract §2.1): signed, it is an event, of no application.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String invitation = "{\"id\":\"i1\",\"data\":{\"invite_id\":\"inv1\"},\"type\":\"invite.created\","
                + "\"tenant_id\":\"t1\",\"timestamp\":\"2026-08-21T01:37:24.512Z\",\"application_id\":\"\"}";
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update((TIMESTAMP + "." + invitation).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("X-AuthVital-Signature", java.util.Base64.getEncoder().encodeToString(signer.sign()),
                "X-AuthVital-Key-Id", "own", "X-AuthVital-Timestamp", TIMESTAMP);
        EventVerifier verifier = new EventVerifier((kid, input, signature) -> {
            try {
                Signature check = Signature.getInstance("SHA256withRSA");
                check.initVerify(pair.getPublic());
                check.update(input);
                return check.verify(signature) ? SignatureCheck.VALID : SignatureCheck.INVALID;
            } catch (GeneralSecurityException e) {
                return SignatureCheck.INVALID;
            }
        }, Clock.fixed(SENT, ZoneOffset.UTC), WINDOW);

        VerifiedEvent event = verifier.verify(EventChannel.SYNC, headers::get, invitation.getBytes(StandardCharsets.UTF_8));

        assertEquals("", event.applicationId());
        assertEquals("invite.created", event.type());
    }
}
