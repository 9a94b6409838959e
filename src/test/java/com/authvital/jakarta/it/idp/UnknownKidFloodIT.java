package com.authvital.jakarta.it.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.authvital.jakarta.it.fixtures.OwnIdp.me;

import com.authvital.jakarta.it.fixtures.ForgedTokens;
import com.authvital.jakarta.it.fixtures.OwnIdp;
import com.authvital.testing.StandInClient.NewSession;
import com.authvital.testing.StandInClient;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A flood of tokens with made-up kids, sent at once to a filter that has not fetched the keys yet, costs the IdP at most two JWKS fetches. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnknownKidFloodIT {

    private static final int REQUESTS = 50;

    /** This class's own IdP, so that its JWKS fetch count is the filter's alone. */
    @RegisterExtension
    static final OwnIdp idp = OwnIdp.listening();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // The default authvital.jwks.min-refetch-interval, 30 s.
        // No readiness checks: with them (MicroProfile Health, on WildFly's test server) the keys are
        // fetched as the application starts; without, at the first request, where this test begins.
        return idp.app("unknown-kid-flood", Map.of("authvital.health.enabled", "false"));
    }

    @ArquillianResource
    URL app;

    @Test
    void fiftyUnknownKidsAtOnceCostAtMostTwoJwksFetches() throws InterruptedException, ExecutionException {
        StandInClient standIn = idp.standIn();
        String claims = ForgedTokens.claimsOf(standIn.mint(Map.of()));
        standIn.resetStats();

        ExecutorService clients = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String token = ForgedTokens.signedWithOwnKey(UUID.randomUUID().toString(), claims);
                answers.add(clients.submit(() -> me(app, token)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertEquals(401, response.statusCode(), response.body());
                assertTrue(response.body().contains("a key the IdP does not publish"), response.body());
            }
        } finally {
            clients.shutdownNow();
        }

        long fetches = standIn.jwksFetches();
        assertTrue(fetches >= 1 && fetches <= 2, fetches + " JWKS fetches for " + REQUESTS + " unknown kids");

        // The flood locked nobody out: a real token of the current key still passes, with no new fetch.
        NewSession user = standIn.newUser();
        HttpResponse<String> me = me(app, user.accessToken());
        assertEquals(200, me.statusCode(), me.body());
        assertEquals(user.userId(), Json.createReader(new StringReader(me.body())).readObject().getString("principal"));
        assertEquals(fetches, standIn.jwksFetches());
    }
}
