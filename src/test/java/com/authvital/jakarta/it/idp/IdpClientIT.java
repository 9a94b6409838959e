package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.authvital.jakarta.AuthVitalException;
import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.NotAuthenticatedException;
import com.authvital.jakarta.RateLimitedException;
import com.authvital.jakarta.SessionNotFoundException;
import com.authvital.jakarta.internal.config.AuthVitalConfig;
import com.authvital.jakarta.internal.idp.IdpClient;
import com.authvital.jakarta.internal.idp.TokenAnswer;
import com.authvital.testing.Deployments;
import com.authvital.testing.InContainerTest;
import com.authvital.testing.StandInClient.NewSession;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * The IdP client itself, each call's answer or failure as the module's result or exception:
 * against the shared stand-in, whose per-user faults make it slow, answer HTML, a 429 or a page
 * over the size limit, and against a port where nothing listens. In the container, because the
 * client is a MicroProfile REST Client that only the server provides (the tests' classpath has
 * the API alone).
 */
@ExtendWith(ArquillianExtension.class)
class IdpClientIT extends InContainerTest {

    /** Where nothing listens, as the deployment's own setting: a port closed on the client side. */
    private static final String DOWN = "test.idp-down";
    private static final int OVER_THE_LIMIT = (1 << 20) + 1024;

    private final List<IdpClient> clients = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        return Deployments.war("idp-client", Map.of(DOWN, "http://127.0.0.1:" + Deployments.closedPort()));
    }

    @AfterEach
    void closeClients() {
        clients.forEach(IdpClient::close);
    }

    /** A client built from the deployment's settings, these overriding them. */
    private IdpClient client(Map<String, String> settings) {
        Config config = ConfigProvider.getConfig();
        IdpClient client = new IdpClient(AuthVitalConfig.load(key -> settings.containsKey(key)
                ? Optional.of(settings.get(key)) : config.getOptionalValue(key, String.class)));
        clients.add(client);
        return client;
    }

    private IdpClient client() {
        return client(Map.of());
    }

    @Test
    void aRefreshAnswerIsReadIntoNewTokensThatItsTextDoesNotShow() {
        NewSession user = idp.newUser();

        TokenAnswer answer = client().refresh(user.refreshToken());

        assertEquals("Bearer", answer.tokenType());
        assertTrue(answer.expiresIn() > 0, answer.toString());
        assertEquals(3, answer.accessToken().split("\\.").length, "the access token, a JWT");
        // Compared, never printed: a failure message must not carry a token.
        assertFalse(user.refreshToken().equals(answer.refreshToken()), "the refresh token was rotated");
        assertEquals(3, answer.refreshToken().split("\\.").length, "the refresh token, a JWT");
        assertFalse(answer.toString().contains(answer.accessToken()) || answer.toString().contains(answer.refreshToken()),
                answer.toString());
    }

    @Test
    void aRefreshTokenPresentedTwiceIsRefusedTheSecondTime() {
        NewSession user = idp.newUser();
        IdpClient client = client();
        client.refresh(user.refreshToken());

        NotAuthenticatedException e = assertThrows(NotAuthenticatedException.class,
                () -> client.refresh(user.refreshToken()));

        assertEquals(401, e.getStatus());
        assertTrue(e.getMessage().startsWith("AV1108E: "), e.getMessage());
        assertNoToken(e, user);
    }

    @Test
    void anUnknownSessionIsNotFound() {
        NewSession user = idp.newUser();

        SessionNotFoundException e = assertThrows(SessionNotFoundException.class,
                () -> client().revoke(user.accessToken(), "no-such-session"));

        assertEquals(404, e.getStatus());
        assertEquals(OptionalInt.of(404), e.getIdpStatus());
        assertTrue(e.getMessage().startsWith("AV1103E: "), e.getMessage());
    }

    @Test
    void anIdpThatIsDownIsUnavailableWith503ItsIdAndNoToken() {
        NewSession user = idp.newUser();
        IdpClient client = client(Map.of("authvital.host", ConfigProvider.getConfig().getValue(DOWN, String.class)));

        IdpUnavailableException e = assertUnavailable(503, () -> client.list(user.accessToken(), null));

        assertTrue(e.getMessage().startsWith("AV1201E: ") && e.getMessage().contains("connection refused"),
                e.getMessage());
        assertNoToken(e, user);
    }

    @Test
    void anIdpSlowerThanTheReadTimeoutIsUnavailableWith504() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 3_000, null, null, null);

        long start = System.nanoTime();
        IdpUnavailableException e = assertUnavailable(504,
                () -> client(Map.of("authvital.read-timeout", "500ms")).list(user.accessToken(), null));

        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(2_500)) < 0,
                "gave up at the read timeout, not after the IdP's answer");
        assertTrue(e.getMessage().startsWith("AV1202E: ") && e.getMessage().contains("read 500 ms"), e.getMessage());
        assertNoToken(e, user);
    }

    @Test
    void anHtmlPageWithStatus200IsUnavailableAndSaidNotToBeJson() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 200, "text/html", "<html><body>Welcome to nginx!</body></html>");

        IdpUnavailableException e = assertUnavailable(502, () -> client().list(user.accessToken(), null));

        assertTrue(e.getMessage().startsWith("AV1210E: "), e.getMessage());
    }

    @Test
    void anHtmlErrorPageIsUnavailableWithTheIdpsStatus() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), 0, 404, "text/html", "<html><body>Not Found</body></html>");

        IdpUnavailableException e = assertUnavailable(502, () -> client().list(user.accessToken(), null));

        assertEquals(OptionalInt.of(404), e.getIdpStatus());
        assertTrue(e.getMessage().startsWith("AV1204E: ") && e.getMessage().contains("'authvital.host'"),
                e.getMessage());
    }

    @Test
    void a429WithRetryAfterIsRateLimitedForThatLong() {
        NewSession user = idp.newUser();
        idp.fault(user.userId(), Json.createObjectBuilder().add("status", 429).add("contentType", "application/json")
                .add("body", "{\"statusCode\":429,\"message\":\"ThrottlerException: Too Many Requests\"}")
                .add("retryAfterSeconds", 17).build());

        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> client().list(user.accessToken(), null));

        assertEquals(503, e.getStatus());
        assertEquals(OptionalInt.of(429), e.getIdpStatus());
        assertEquals(Duration.ofSeconds(17), e.getRetryAfter());
        assertTrue(e.getMessage().startsWith("AV1213E: ") && e.getMessage().contains("17 s"), e.getMessage());
    }

    @Test
    void anAnswerOverTheSizeLimitIsRefusedWhileItIsRead() {
        NewSession user = idp.newUser();
        idp.paddedFault(user.userId(), 200, "application/json", "{\"sessions\":[]}", OVER_THE_LIMIT);

        IdpUnavailableException e = assertUnavailable(502, () -> client().list(user.accessToken(), null));

        assertTrue(e.getMessage().startsWith("AV1209E: ") && e.getMessage().contains(String.valueOf(1 << 20)),
                e.getMessage());
    }

    private static IdpUnavailableException assertUnavailable(int status, Executable call) {
        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, call);
        assertEquals(status, e.getStatus(), e.getMessage());
        return e;
    }

    /** Neither token of the user, nor a part of one, in the message or its causes' messages. */
    private static void assertNoToken(AuthVitalException e, NewSession user) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String token : List.of(user.accessToken(), user.refreshToken())) {
                String signature = token.substring(token.lastIndexOf('.') + 1);
                assertFalse(message.contains(signature), "a token in: " + message);
            }
        }
    }
}
