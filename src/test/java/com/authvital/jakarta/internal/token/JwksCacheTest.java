package com.authvital.jakarta.internal.token;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.standin.StandInIdp;
import com.authvital.testing.LogRecords;
import com.authvital.testing.StandInClient;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JwksCache} against a real stand-in IdP, counting the fetches the IdP received. The
 * cache's clock is a counter the tests move, so intervals pass without waiting; only the HTTP
 * calls are real. Each test has its own IdP, as they rotate keys and break its JWKS.
 */
class JwksCacheTest {

    private static final Duration NEVER = Duration.ofHours(1);

    private final AtomicLong nanos = new AtomicLong();
    private final List<JwksCache> caches = new ArrayList<>();
    private final LogRecords log = LogRecords.of(JwksCache.class);
    private StandInIdp idp;
    private StandInClient dev;

    @BeforeEach
    void start() {
        idp = StandInIdp.start(0, "jwks-test-app");
        dev = StandInClient.at(idp.baseUrl());
    }

    @AfterEach
    void stop() {
        caches.forEach(JwksCache::close);
        idp.close();
        log.close();
    }

    private JwksCache cache(Duration refreshInterval, Duration refetchInterval) {
        return cache(Duration.ofSeconds(2), Duration.ofSeconds(5), refreshInterval, refetchInterval);
    }

    private JwksCache cache(Duration connectTimeout, Duration readTimeout, Duration refreshInterval,
                            Duration refetchInterval) {
        JwksCache cache = new JwksCache(URI.create(idp.baseUrl()), connectTimeout, readTimeout,
                refreshInterval, refetchInterval, nanos::get);
        caches.add(cache);
        return cache;
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    /** The JWKS answers {@code body} as a 200 of this type after {@code delayMs}. */
    private static JsonObject jwksAnswer(String contentType, String body, long delayMs) {
        return Json.createObjectBuilder().add("status", 200).add("contentType", contentType)
                .add("body", body).add("delayMs", delayMs).build();
    }

    /**
     * The JWKS answers a 200 announcing all of {@code body} and sends half of it; then nothing
     * more ({@code trickleMs} 0), or one byte every {@code trickleMs}, never long enough silent
     * for a read timeout.
     */
    private static JsonObject stallingAnswer(String body, long trickleMs) {
        return Json.createObjectBuilder().add("status", 200).add("contentType", "application/json")
                .add("body", body).add("stallAfterBytes", body.length() / 2).add("trickleMs", trickleMs).build();
    }

    /** Polls until {@code condition} holds, failing with {@code what} after 5 seconds. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "not within 5 s: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void concurrentColdRequestsShareOneFetch() throws Exception {
        String kid = dev.currentKeyId();
        dev.jwksFault(jwksAnswer("application/json", dev.jwks(), 300));
        dev.resetStats();
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService requests = Executors.newFixedThreadPool(20);
        try {
            List<Future<Optional<Rs256VerifierPool>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(requests.submit(() -> {
                    go.await();
                    return cache.verifier(kid);
                }));
            }
            go.countDown();
            Set<Rs256VerifierPool> verifiers = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Optional<Rs256VerifierPool>> answer : answers) {
                verifiers.add(answer.get(10, TimeUnit.SECONDS).orElseThrow());
            }

            assertEquals(1, dev.jwksFetches());
            assertEquals(1, verifiers.size(), "one verifier per key, built once");
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void unknownKidsRefetchAtMostOncePerInterval() {
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));

        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), cache.verifier("made-up-" + i));
        }
        long fetches = dev.jwksFetches();
        assertTrue(fetches <= 2, "the first fetch and at most one refetch, not " + fetches);

        advance(Duration.ofSeconds(30));
        for (int i = 100; i < 200; i++) {
            assertEquals(Optional.empty(), cache.verifier("made-up-" + i));
        }
        assertEquals(fetches + 1, dev.jwksFetches(), "one refetch once the interval has passed");
    }

    @Test
    void findsAKeyPublishedAfterTheFirstFetch() throws Exception {
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));
        String oldKid = dev.currentKeyId();
        assertTrue(cache.verifier(oldKid).isPresent());
        String newKid = dev.rotateKeys();
        SignedJWT signedByNewKey = SignedJWT.parse(dev.mint("{}"));

        advance(Duration.ofSeconds(30));
        Rs256VerifierPool newKey = cache.verifier(newKid).orElseThrow();

        assertTrue(newKey.verify(signedByNewKey.getSigningInput(), signedByNewKey.getSignature().decode()));
        assertTrue(cache.verifier(oldKid).isPresent(), "the old key is still published");
        assertEquals(2, dev.jwksFetches());
    }

    /**
     * Warmed up (a readiness check needs the keys without waiting for traffic): the keys are
     * fetched before any request; a failed fetch is tried again by itself after 1 s, then 2 s...;
     * the outage is one WARNING however many fetches fail, its end one INFO; what a readiness
     * check reads says so all along.
     */
    @Test
    void warmedUpItFetchesBeforeAnyRequestAndAfterAFailureTriesAgainByItself() throws Exception {
        dev.jwksFault(503);
        JwksCache cache = cache(NEVER, NEVER);

        cache.warmUp();
        awaitTrue(() -> cache.status().failures() >= 2, "two failed fetches, no request made");
        KeyStatus down = cache.status();
        assertFalse(down.fetched(), down.toString());
        assertEquals("AV1207", down.lastFailureId(), down.toString());
        assertEquals(0, down.keys(), down.toString());
        dev.clearJwksFault();
        awaitTrue(() -> cache.status().fetched(), "the keys, fetched again by the cache itself");

        KeyStatus up = cache.status();
        assertEquals(1, up.keys(), up.toString());
        assertNull(up.lastFailureId(), up.toString());
        assertNotNull(up.lastSuccess(), up.toString());
        assertEquals(1, log.lines().stream().filter(line -> line.startsWith("WARNING ")).count(), log.toString());
        assertTrue(log.has(Level.INFO, "AV1208I: "), log.toString());
    }

    /**
     * Warmed up during an outage that requests meet too: the requests' fetches stay at one a
     * second and the background keeps one retry chain, not one per failed request.
     */
    @Test
    void warmedUpDuringAnOutageRequestsAndRetriesStayBounded() throws Exception {
        String kid = dev.currentKeyId();
        dev.jwksFault(503);
        dev.resetStats();
        JwksCache cache = cache(NEVER, NEVER);
        cache.warmUp();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int requests = 0;
        while (System.nanoTime() < end) {
            try {
                cache.verifier(kid);
            } catch (IdpUnavailableException expected) {
                requests++;
            }
            advance(Duration.ofMillis(50)); // the cache's clock: its one-second back-off passes as requests come
            Thread.sleep(50);
        }

        long fetches = dev.jwksFetches();
        assertTrue(requests > 50, requests + " requests refused");
        // 100 requests over 5 s: at most one fetch per second of the cache's clock for them, and
        // one background chain (after 1, 2, 4 s): far fewer than one per request.
        assertTrue(fetches <= 10, fetches + " JWKS fetches for " + requests + " requests in 5 s");
    }

    /** Not warmed up (no readiness check), a cache makes no fetch until a request needs a key. */
    @Test
    void notWarmedUpItFetchesNothingBeforeARequest() throws Exception {
        dev.resetStats();
        JwksCache cache = cache(NEVER, NEVER);

        Thread.sleep(300);
        assertEquals(0, dev.jwksFetches());
        assertFalse(cache.status().fetched());
    }

    @Test
    void aJwksDownAtStartIsA503ThatRecoversByItselfAfterTheBackOff() {
        String kid = dev.currentKeyId();
        dev.jwksFault(Json.createObjectBuilder().build());
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));

        IdpUnavailableException down = assertThrows(IdpUnavailableException.class, () -> cache.verifier(kid));
        assertEquals(503, down.getStatus());
        assertTrue(down.getMessage().startsWith("AV1206E: "), down.getMessage());
        assertFalse(down.getMessage().contains(idp.baseUrl()), "the IdP's address is for the log: " + down.getMessage());
        assertTrue(log.has(Level.WARNING, "AV1207W: ", idp.baseUrl() + "/.well-known/jwks.json", "(answered 503)",
                "no token can be validated"), log.toString());

        dev.clearJwksFault();
        assertThrows(IdpUnavailableException.class, () -> cache.verifier(kid), "still inside the 1 s back-off");
        assertEquals(1, dev.jwksFetches(), "no fetch inside the back-off");

        advance(Duration.ofSeconds(1));
        assertTrue(cache.verifier(kid).isPresent());
        assertEquals(2, dev.jwksFetches());
        assertTrue(log.has(Level.INFO, "AV1208I: ", idp.baseUrl() + "/.well-known/jwks.json"), log.toString());
    }

    /** A refresh that fails is logged with the keys kept; the next good one says so. */
    @Test
    void aFailedRefreshIsLoggedAndSoIsTheRecovery() throws Exception {
        JwksCache cache = cache(Duration.ofSeconds(1), Duration.ofSeconds(30));
        String kid = dev.currentKeyId();
        assertTrue(cache.verifier(kid).isPresent());
        dev.jwksFault(Json.createObjectBuilder().add("status", 502).build());

        advance(Duration.ofMillis(1_500));
        assertTrue(cache.verifier(kid).isPresent(), "the keys at hand while the refresh fails");
        awaitTrue(() -> log.has(Level.WARNING, "AV1207W: ", "(answered 502)", "the keys fetched before stay in use"),
                "the failed refresh is logged");
        dev.clearJwksFault();
        advance(Duration.ofMillis(1_500));
        assertTrue(cache.verifier(kid).isPresent());

        awaitTrue(() -> log.has(Level.INFO, "AV1208I: ", "after 1 failed attempt"), "the recovery is logged");
    }

    @Test
    void anHtmlPageInsteadOfTheJwksIsA503NamingTheCause() {
        String kid = dev.currentKeyId();
        dev.jwksFault(jwksAnswer("text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><h1>Sign in to the guest Wi-Fi</h1></body></html>", 0));
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, () -> cache.verifier(kid));

        assertEquals(503, e.getStatus());
        assertTrue(log.has(Level.WARNING, "AV1207W: ", "/.well-known/jwks.json", "answered a body that is not a JWK set"),
                log.toString());
    }

    @Test
    void refreshesInTheBackgroundWhileRequestsGoOnWithTheKeysTheyHave() throws Exception {
        JwksCache cache = cache(Duration.ofSeconds(1), Duration.ofSeconds(1));
        String oldKid = dev.currentKeyId();
        assertTrue(cache.verifier(oldKid).isPresent());
        String newKid = dev.rotateKeys();
        dev.retireKey(oldKid);
        // The refresh will take 1 s, long enough to see requests answered while it is under way.
        dev.jwksFault(jwksAnswer("application/json", dev.jwks(), 1_000));
        dev.resetStats();

        advance(Duration.ofMillis(1_500));
        assertTrue(cache.verifier(oldKid).isPresent(), "the keys it had, the retired one among them");
        assertTrue(cache.verifier(oldKid).isPresent(), "the first request did not wait for the refresh");
        awaitTrue(() -> dev.jwksFetches() == 1, "the refresh reaches the IdP");

        awaitTrue(() -> cache.verifier(oldKid).isEmpty(), "the retired key is gone after the refresh");
        assertTrue(cache.verifier(newKid).isPresent());
        assertEquals(1, dev.jwksFetches());
    }

    /**
     * The refresh interval is what it says even when the minimum refetch interval (which by its
     * documentation limits fetches caused by unknown kids) is longer, as it is by default (30 s).
     */
    @Test
    void refreshesAfterTheRefreshIntervalEvenWhenTheRefetchIntervalIsLonger() throws Exception {
        JwksCache cache = cache(Duration.ofSeconds(1), Duration.ofSeconds(30));
        String kid = dev.currentKeyId();
        assertTrue(cache.verifier(kid).isPresent());
        dev.resetStats();

        advance(Duration.ofMillis(1_500));
        assertTrue(cache.verifier(kid).isPresent());

        awaitTrue(() -> dev.jwksFetches() == 1, "a refresh once the keys are older than the 1 s refresh interval");
    }

    @Test
    void keepsOnlyRsaSigningKeysOfAtLeast2048BitsForRs256() throws Exception {
        String published = dev.currentKeyId();
        List<JWK> keys = new ArrayList<>(JWKSet.parse(dev.jwks()).getKeys());
        RSAKey shortKey = new RSAKeyGenerator(1024, true).generate();
        keys.add(new RSAKey.Builder(shortKey.toPublicJWK()).keyID("short").build());
        // the same 1024-bit modulus with 128 leading zero bytes: 2048 bits by its encoding's length
        byte[] modulus = shortKey.toRSAPublicKey().getModulus().toByteArray();
        byte[] padded = new byte[256];
        System.arraycopy(modulus, modulus.length - 128, padded, 128, 128);
        keys.add(new RSAKey.Builder(Base64URL.encode(padded), shortKey.getPublicExponent()).keyID("padded").build());
        keys.add(new RSAKeyGenerator(2048).keyID("for-encryption")
                .keyUse(KeyUse.ENCRYPTION).generate().toPublicJWK());
        keys.add(new RSAKeyGenerator(2048).keyID("for-ps256")
                .algorithm(JWSAlgorithm.PS256).generate().toPublicJWK());
        keys.add(new ECKeyGenerator(Curve.P_256).keyID("ec")
                .generate().toPublicJWK());
        dev.jwksFault(jwksAnswer("application/json", new JWKSet(keys).toString(), 0));
        JwksCache cache = cache(NEVER, NEVER);

        assertTrue(cache.verifier(published).isPresent(), "the IdP's own 2048-bit RS256 key");
        for (String refused : List.of("short", "padded", "for-encryption", "for-ps256", "ec")) {
            assertEquals(Optional.empty(), cache.verifier(refused), refused);
        }
    }

    /**
     * A refresh whose answer trickles in a byte at a time is given up at the deadline (connect
     * plus read timeout), and the next refresh opens a new connection: a key the IdP retired
     * meanwhile stops being accepted once the IdP answers again.
     */
    @Test
    void aRefreshThatStallsMidBodyIsGivenUpAndTheNextOneDropsARetiredKey() throws Exception {
        JwksCache cache = cache(Duration.ofMillis(300), Duration.ofMillis(700), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        String oldKid = dev.currentKeyId();
        assertTrue(cache.verifier(oldKid).isPresent());
        String newKid = dev.rotateKeys();
        dev.retireKey(oldKid);
        dev.jwksFault(stallingAnswer(dev.jwks(), 200));
        dev.resetStats();

        advance(Duration.ofMillis(1_500));
        assertTrue(cache.verifier(oldKid).isPresent(), "the keys at hand while the refresh trickles");
        awaitTrue(() -> dev.jwksFetches() == 1, "the refresh reaches the trickling IdP");
        Thread.sleep(1_500); // past the 1 s deadline, the answer still trickling in
        dev.clearJwksFault();
        advance(Duration.ofSeconds(2));

        awaitTrue(() -> cache.verifier(oldKid).isEmpty(), "the retired key is gone after the next refresh");
        assertTrue(cache.verifier(newKid).isPresent());
        assertEquals(2, dev.jwksFetches(), "the stalled fetch, then one new fetch");
    }

    /** With no keys yet, a stalled answer is a 503 at the deadline, and the cache recovers once the IdP answers. */
    @Test
    void aFirstFetchThatStallsMidBodyIsA503AtTheDeadlineAndTheCacheRecovers() throws Exception {
        String kid = dev.currentKeyId();
        dev.jwksFault(stallingAnswer(dev.jwks(), 0));
        dev.resetStats();
        JwksCache cache = cache(Duration.ofMillis(300), Duration.ofMillis(700), NEVER, Duration.ofSeconds(30));

        IdpUnavailableException down = assertThrows(IdpUnavailableException.class, () -> cache.verifier(kid));
        assertEquals(503, down.getStatus());
        dev.clearJwksFault();
        advance(Duration.ofSeconds(1));

        assertTrue(cache.verifier(kid).isPresent(), "keys from a new fetch");
        assertEquals(2, dev.jwksFetches());
    }

    /** A JWKS answer over 1 MiB is refused rather than read into memory whole. */
    @Test
    void aJwksAnswerOverOneMebibyteIsRefused() {
        String kid = dev.currentKeyId();
        dev.jwksFault(Json.createObjectBuilder(jwksAnswer("application/json", dev.jwks(), 0))
                .add("paddingBytes", 1024 * 1024).build());
        JwksCache cache = cache(NEVER, Duration.ofSeconds(30));

        IdpUnavailableException e = assertThrows(IdpUnavailableException.class, () -> cache.verifier(kid));

        assertEquals(503, e.getStatus());
    }
}
