package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.jakarta.it.fixtures.OwnIdp.me;
import static com.authvital.jakarta.it.fixtures.OwnIdp.until;
import static com.authvital.testing.TestHttp.json;

import com.authvital.jakarta.it.fixtures.ForgedTokens;
import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A key rotation at the IdP needs no restart: old tokens validate while their key is published, new ones are accepted, retired keys stop working. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyRotationIT {

    /** Keys refetched for an unknown kid at most once a second, refreshed when 2 s old. */
    private static final Duration MIN_REFETCH = Duration.ofSeconds(1);
    private static final Duration REFRESH = Duration.ofSeconds(2);

    /** This class's own IdP: its keys are rotated and retired. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return idp.app("key-rotation", Map.of(
                "authvital.jwks.min-refetch-interval", MIN_REFETCH.toMillis() + "ms",
                "authvital.jwks.refresh-interval", REFRESH.toMillis() + "ms"));
    }

    @ArquillianResource
    URL app;

    private StandInClient standIn;

    /** Another test may have rotated keys: start from a filter that knows the current one. */
    @BeforeEach
    void theFilterKnowsTheCurrentKey() throws InterruptedException {
        standIn = idp.standIn();
        HttpResponse<String> accepted = until(() -> me(app, standIn.mint(Map.of())), r -> r.statusCode() == 200);
        assertEquals(200, accepted.statusCode(), "the filter never accepted a current token: " + accepted.body());
    }

    /** A token signed by this key of the stand-in, published or retired, never sent before. */
    private String signedBy(String kid) {
        return standIn.mint(Map.of("keyId", kid));
    }

    private static void assertRefusedForItsKey(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("invalid_token", json(response).getString("error"));
        assertTrue(json(response).getString("message").contains("a key the IdP does not publish"), response.body());
    }

    @Test
    void aTokenSignedBeforeARotationIsAcceptedAfterIt() {
        NewSession user = standIn.newUser();
        standIn.rotateKeys();

        HttpResponse<String> me = me(app, user.accessToken());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
    }

    @Test
    void aTokenOfTheNewKeyIsAcceptedWithoutARestart() throws InterruptedException {
        String newKid = standIn.rotateKeys();
        NewSession user = standIn.newUser();
        assertEquals(newKid, ForgedTokens.kidOf(user.accessToken()));

        HttpResponse<String> me = until(() -> me(app, user.accessToken()), r -> r.statusCode() == 200);

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
    }

    @Test
    void aTokenOfTheNewKeyIsAcceptedOnTheRequestThatFindsTheKeysDueForRefresh() throws InterruptedException {
        // Not a timing assertion: this puts the filter in the state where its keys are older than
        // the refresh interval and a refetch is allowed, the usual state of a quiet application
        // (with the defaults: 5 minutes without a request) when the IdP rotates its key.
        Thread.sleep(REFRESH.plusMillis(500).toMillis());
        standIn.rotateKeys();
        NewSession user = standIn.newUser();

        HttpResponse<String> me = me(app, user.accessToken());

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), json(me).getString("principal"));
    }

    @Test
    void aTokenOfARetiredKeyIsRefusedOnceTheFilterHasRefetched() throws InterruptedException {
        String oldKid = standIn.currentKeyId();
        standIn.rotateKeys();
        standIn.retireKey(oldKid);

        // A new token every time: an accepted one would be remembered by the token cache.
        HttpResponse<String> refused = until(() -> me(app, signedBy(oldKid)), r -> r.statusCode() != 200);

        assertRefusedForItsKey(refused);
    }

    @Test
    void aTokenAcceptedBeforeItsKeyWasRetiredIsRefusedOnceTheFilterHasRefetched() throws InterruptedException {
        NewSession user = standIn.newUser();
        assertEquals(200, me(app, user.accessToken()).statusCode());
        String oldKid = ForgedTokens.kidOf(user.accessToken());
        standIn.rotateKeys();
        standIn.retireKey(oldKid);
        HttpResponse<String> fresh = until(() -> me(app, signedBy(oldKid)), r -> r.statusCode() != 200);
        assertRefusedForItsKey(fresh); // the filter has refetched the keys and knows the old one is gone

        HttpResponse<String> again = me(app, user.accessToken());

        assertRefusedForItsKey(again);
    }
}
