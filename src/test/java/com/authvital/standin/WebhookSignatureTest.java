package com.authvital.standin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The stand-in signs webhooks byte for byte as AuthVital does (authvital-events.md §3.3), and
 * {@link WebhookSignature#verify} agrees with the spec's own test vector (§6.2).
 */
class WebhookSignatureTest {

    /** §6.2's JWK, an ephemeral key AuthVital's signing code used. */
    private static final String SPEC_JWK = "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"key_1787270000000_9f3a1c2b\","
            + "\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"ocf3Hcnq87Lbe38kMx8k3pykQ5gAjGyzRZZ0pXx7G9ZTBER-EI2oR_OwTJiu4qK5Fu"
            + "RKHNe9GRJgwffN286HiYkAYlfHEdM88cvjlCynQGHNyIEPSwFC9MNijOuSdwZSOXv3UFsP1ZPrxy__otVB-8Ahqyk-ItcOb4Un-r8zh_Hi"
            + "JWcCThDW1PFWokx4MWfkvOjSlj-SMaM_KXH8Rv_DaKreMUV9Weu6QsGgkDAKz41v0MF10BVVYlO4ki6CFleAmS1n7cHd8bICkXtJQEVza"
            + "Wqoum3niadbdVhHYg5TFzYzLyzs2guefgLepxHEcOrwDElrI4D5ENIY7B07Xmgw3Q\"}";
    private static final String SPEC_TIMESTAMP = "1787276245";
    /** §2.3's member.suspended body (330 UTF-8 bytes, with a non-ASCII e). */
    static final String SPEC_BODY = "{\"id\":\"3f0c2a9e-7c1d-4b8e-9a57-2d7f1e0b6c41\",\"data\":{\"sub\":"
            + "\"8d5c7b0e-1f2a-4c3d-9e4f-5a6b7c8d9e0f\",\"email\":\"zo\u00eb@acme.example\",\"membership_id\":"
            + "\"cmeq1mem0000h8j6g4f2d0s9\"},\"type\":\"member.suspended\",\"tenant_id\":"
            + "\"6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8\",\"timestamp\":\"2026-08-21T01:37:24.512Z\",\"application_id\":"
            + "\"cmeq1app0000k2v9x7w3r5t1\"}";
    private static final String SPEC_SIGNATURE = "NnXoMrVQBkwpEdlJoywT+lQv0gPilcxLEBclDokLwmGzKjNNv8wJ9m+ONTAdFZSST2AC"
            + "tRS5tPP+neCIBGQik7awrgy6YXQMrW2/su+jm01XsLe5w3LR4Z72/ouQsm4pjhLEwZvnnohv+IBMMqDY5lD6rpIIg+31+qLP/Rrc58RuBw5x"
            + "qhWIb4updaX1YW1BxCKzIE3oh96Gfcp2KD5HONjGIjuuxD1HLg7oUTmKjsQc8LASVZFkpVIfrutDU35UaKW7RbJ6zR2H081MRD7Ao4Hfig"
            + "YGbgwgJklrM+Ec4TESB1If7I08Fz7eJ5ZFpBIXod/GH4PQJ7Xd6SmVqDjl+w==";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The spec's own signature verifies with its JWK through the helper the tests use. */
    @Test
    void specVectorVerifiesWithTheSpecJwk() throws Exception {
        byte[] body = utf8(SPEC_BODY);
        assertEquals(330, body.length);
        assertEquals("5fbc6721c9265a130e24b43e374f0144b4c044002b686dffc555d06e274a8297",
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        RSAPublicKey key = RSAKey.parse(SPEC_JWK).toRSAPublicKey();

        assertTrue(WebhookSignature.verify(key, WebhookSignature.syncInput(SPEC_TIMESTAMP, body), SPEC_SIGNATURE));
    }

    /** The spec's negative cases: one extra space, or the body decoded as ISO-8859-1 and re-encoded, fail. */
    @Test
    void specVectorFailsWithOneMoreSpaceOrARecodedBody() throws Exception {
        RSAPublicKey key = RSAKey.parse(SPEC_JWK).toRSAPublicKey();
        byte[] spaced = utf8(SPEC_BODY.replaceFirst("\\{", "{ "));
        byte[] recoded = new String(utf8(SPEC_BODY), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);

        assertFalse(WebhookSignature.verify(key, WebhookSignature.syncInput(SPEC_TIMESTAMP, spaced), SPEC_SIGNATURE));
        assertFalse(WebhookSignature.verify(key, WebhookSignature.syncInput(SPEC_TIMESTAMP, recoded), SPEC_SIGNATURE));
    }

    /**
     * The stand-in's signature is standard base64 of 344 characters and verifies with plain JCA
     * {@code SHA256withRSA} over {@code ts + "." + rawBytes}, as a receiver written from §6.2 checks it.
     */
    @Test
    void signerOutputVerifiesWithJcaOverTimestampDotBody() throws Exception {
        SigningKey key = SigningKey.generateWebhookKey();
        byte[] body = utf8(SPEC_BODY);

        String signature = WebhookSignature.sign(key.key().toRSAPrivateKey(),
                WebhookSignature.syncInput(SPEC_TIMESTAMP, body));

        assertEquals(344, signature.length());
        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initVerify(key.key().toRSAPublicKey());
        jca.update(SPEC_TIMESTAMP.getBytes(StandardCharsets.US_ASCII));
        jca.update((byte) '.');
        jca.update(body);
        assertTrue(jca.verify(Base64.getDecoder().decode(signature)));
        assertTrue(key.keyId().matches("key_\\d{13}_[0-9a-f]{8}"), key.keyId());
    }

    /** One space more in the body after signing and the signature no longer verifies. */
    @Test
    void oneSpaceChangedFailsVerification() throws Exception {
        SigningKey key = SigningKey.generateWebhookKey();
        String signature = WebhookSignature.sign(key.key().toRSAPrivateKey(),
                WebhookSignature.syncInput(SPEC_TIMESTAMP, utf8(SPEC_BODY)));

        assertFalse(WebhookSignature.verify(key.key().toRSAPublicKey(),
                WebhookSignature.syncInput(SPEC_TIMESTAMP, utf8(SPEC_BODY + " ")), signature));
    }

    /** The spec's wire bodies (§2.3), parsed and written again, come out byte for byte the same. */
    @Test
    void specBodiesRoundTripInJsonbOrder() {
        String roleChanged = "{\"id\":\"7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918\",\"data\":{\"sub\":\"8d5c7b0e-1f2a-4c3d-9e4f-"
                + "5a6b7c8d9e0f\",\"email\":\"jane@acme.example\",\"role_id\":\"cmeq1rol0000viewer000001\",\"role_name\":"
                + "\"Viewer\",\"role_slug\":\"viewer\",\"given_name\":\"Jane\",\"family_name\":\"Doe\",\"membership_id\":"
                + "\"cmeq1mem0000h8j6g4f2d0s9\",\"previous_role_id\":\"cmeq1rol0000admin0000001\",\"previous_role_name\":"
                + "\"Admin\",\"previous_role_slug\":\"admin\"},\"type\":\"app_access.role_changed\",\"tenant_id\":"
                + "\"6f1d2c3b-9a8e-4f70-b1c2-d3e4f5a6b7c8\",\"timestamp\":\"2026-08-21T01:41:00.000Z\",\"application_id\":"
                + "\"cmeq1app0000k2v9x7w3r5t1\"}";
        String applicationUpdated = "{\"data\":{\"name\":\"Orders\",\"slug\":\"orders\",\"client_id\":\"orders-web\","
                + "\"is_active\":false,\"licensing\":{\"mode\":\"PER_SEAT\",\"allow_mixed\":false,\"default_seat_count\":"
                + "null,\"auto_grant_to_owner\":true,\"auto_provision_on_signup\":false},\"tenant_id\":null,\"description\":"
                + "null,\"application_id\":\"cmeq1app0000k2v9x7w3r5t1\",\"changed_fields\":[\"is_active\"],"
                + "\"previous_values\":{\"is_active\":true},\"application_type\":\"AUTOMATIC\"},\"event\":"
                + "\"application.updated\",\"timestamp\":\"2026-08-21T02:00:00.000Z\"}";
        for (String body : new String[] {SPEC_BODY, roleChanged, applicationUpdated}) {
            assertArrayEquals(utf8(body), JsonbWire.bytes(Json.createReader(new StringReader(body)).readObject()), body);
        }
    }
}
