package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import com.authvital.testing.LogRecords;
import com.authvital.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.spi.CachingProvider;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JCacheStore} on real embedded Hazelcast 5.6 members, on loopback: store A and store B
 * stand for two servers of one application, each with its own member, as each server would have.
 *
 * <p>Each "server" loads Hazelcast in a class loader of its own ({@link ServerLoader}: Hazelcast
 * from its jar, the JCache API and the module from the test's class path), like two applications
 * each with Hazelcast in its WAR. One class loader cannot hold two members for the same URI:
 * Hazelcast's provider keeps one CacheManager per URI and class loader, and gets its member by
 * instance name (the configuration file's URL) from a static map; and another URI or another class
 * loader given to the provider changes the names of the distributed caches
 * ({@code /hz/<uri>/<class loader>/<name>}), so that the two stores would not share them.
 *
 * <p>The stores' clock is one the tests move, so expiries pass without waiting; the engine's own
 * timing (events, members leaving and joining) is real, awaited with deadlines.
 */
class JCacheStoreTest {

    private static final String PROVIDER = "com.hazelcast.cache.HazelcastMemberCachingProvider";
    private static final URI CONFIG = URI.create("classpath:hazelcast-store-test.xml");
    private static final String PREFIX = "authvital.store-test.";
    private static final Duration CHECK = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration LONG = Duration.ofMinutes(1);
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    /** Held: java.util.logging keeps its loggers weakly, and with them their levels. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private static final List<ServerLoader> servers = new ArrayList<>();
    private static final List<JCacheStore> stores = new ArrayList<>();
    private static ServerLoader serverA;
    private static ServerLoader serverB;
    private static JCacheStore a;
    private static JCacheStore b;

    @BeforeAll
    static void startTwoServers() {
        HAZELCAST_LOG.setLevel(Level.WARNING);
        serverA = server("a");
        a = store(serverA, settings(CHECK, RETRY));
        serverB = server("b");
        b = store(serverB, settings(CHECK, RETRY));
        assertTrue(a.reachable() && b.reachable(), "both members started");
    }

    @BeforeEach
    void bothReachable() {
        await(Duration.ofSeconds(30), () -> a.reachable() && b.reachable(), "A and B reachable");
    }

    @AfterAll
    static void stopEverything() throws Exception {
        stores.forEach(JCacheStore::close);
        for (ServerLoader server : servers) {
            hazelcast(server).getMethod("shutdownAll").invoke(null); // any member a failed test left
            server.close();
        }
    }

    /** A value put on one server is got on the other, and by neither after its own expiry. */
    @Test
    void aValuePutOnOneServerIsGotOnTheOtherUntilItsOwnExpiry() {
        String key = key();
        a.put(Region.CHAINS, key, "chain-1", CLOCK.instant().plusSeconds(2));

        assertEquals(Optional.of("chain-1"), b.get(Region.CHAINS, key));
        assertTrue(a.holdsRevocations() && b.holdsRevocations(), "both loaded the revocations when they connected");
        CLOCK.advance(Duration.ofSeconds(3));
        assertEquals(Optional.empty(), b.get(Region.CHAINS, key), "past its own expiry, still in the cache");
        assertEquals(Optional.empty(), a.get(Region.CHAINS, key));
    }

    /** Four threads on two servers racing for one key: exactly one gets it, and both servers answer its value. */
    @Test
    void putIfAbsentHasExactlyOneWinnerAcrossServers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                String key = key();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> tries = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    JCacheStore store = thread % 2 == 0 ? a : b;
                    String mine = "thread-" + thread;
                    tries.add(threads.submit(() -> {
                        go.await();
                        return store.putIfAbsent(Region.CLAIMS, key, mine, CLOCK.instant().plusSeconds(60));
                    }));
                }
                go.countDown();
                List<String> winners = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    if (tries.get(thread).get()) {
                        winners.add("thread-" + thread);
                    }
                }
                assertEquals(1, winners.size(), "winners of round " + round + ": " + winners);
                assertEquals(Optional.of(winners.get(0)), a.get(Region.CLAIMS, key));
                assertEquals(Optional.of(winners.get(0)), b.get(Region.CLAIMS, key));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** An entry past its own expiry, still in the cache, does not stop a putIfAbsent. */
    @Test
    void putIfAbsentTakesOverAnEntryPastItsOwnExpiry() {
        String key = key();
        assertTrue(a.putIfAbsent(Region.CLAIMS, key, "server-a", CLOCK.instant().plusSeconds(1)));
        assertFalse(b.putIfAbsent(Region.CLAIMS, key, "server-b", CLOCK.instant().plusSeconds(60)));

        CLOCK.advance(Duration.ofSeconds(2));
        assertTrue(b.putIfAbsent(Region.CLAIMS, key, "server-b", CLOCK.instant().plusSeconds(60)));
        assertEquals(Optional.of("server-b"), a.get(Region.CLAIMS, key));
    }

    /** A replace succeeds only over the value expected, and not over one past its expiry. */
    @Test
    void replaceSucceedsOnlyOverTheExpectedUnexpiredValue() {
        String key = key();
        a.put(Region.REFRESHES, key, "tokens-1", CLOCK.instant().plusSeconds(60));

        assertFalse(b.replace(Region.REFRESHES, key, "tokens-0", "tokens-2", CLOCK.instant().plusSeconds(60)));
        assertTrue(b.replace(Region.REFRESHES, key, "tokens-1", "tokens-2", CLOCK.instant().plusSeconds(60)));
        assertFalse(a.replace(Region.REFRESHES, key, "tokens-1", "tokens-3", CLOCK.instant().plusSeconds(60)));
        assertEquals(Optional.of("tokens-2"), a.get(Region.REFRESHES, key));

        String expiring = key();
        a.put(Region.REFRESHES, expiring, "tokens-1", CLOCK.instant().plusSeconds(1));
        CLOCK.advance(Duration.ofSeconds(2));
        assertFalse(b.replace(Region.REFRESHES, expiring, "tokens-1", "tokens-2", CLOCK.instant().plusSeconds(60)));
        assertEquals(Optional.empty(), a.get(Region.REFRESHES, expiring));
    }

    /**
     * A region keeps more entries than Hazelcast's default eviction allows a cache (10,000 over the
     * cluster, enforced per partition): none of them is evicted to make room.
     */
    @Test
    void aRegionKeepsMoreEntriesThanHazelcastsDefaultCacheSize() {
        int entries = 12_000;
        String run = key();
        Instant inADay = CLOCK.instant().plusSeconds(86_400);
        for (int i = 0; i < entries; i++) {
            a.put(Region.SPENT, run + i, "spent", inADay);
        }

        int evicted = 0;
        for (int i = 0; i < entries; i++) {
            if (b.get(Region.SPENT, run + i).isEmpty()) {
                evicted++;
            }
        }
        assertEquals(0, evicted, "entries evicted of " + entries);
    }

    /**
     * Each region's cache, as the engine's configuration makes it, keeps strings for its region's
     * lifetime from the last write: a matching {@code <cache>} in hazelcast.xml takes the place of
     * what the store asks for, and must say the same.
     */
    @Test
    void eachRegionsCacheHasTheRegionsLifetimeFromTheLastWrite() {
        CachingProvider provider = Caching.getCachingProvider(PROVIDER, serverA);
        CacheManager manager = provider.getCacheManager(CONFIG, provider.getDefaultClassLoader());
        for (Region region : Region.values()) {
            CompleteConfiguration<?, ?> configuration = manager.getCache(PREFIX + region.id, String.class, String.class)
                    .getConfiguration(CompleteConfiguration.class);
            ExpiryPolicy expiry = configuration.getExpiryPolicyFactory().create();
            assertEquals(region.lifetime, duration(expiry.getExpiryForCreation()), region + " from its creation");
            assertEquals(region.lifetime, duration(expiry.getExpiryForUpdate()), region + " from its update");
            assertNull(expiry.getExpiryForAccess(), region + ": a read leaves its expiry alone");
        }
    }

    /** A denial, and its lifting, reach the other server's memory within a second. */
    @Test
    void aDenialOnOneServerIsSeenByTheOtherWithinASecond() {
        String key = key();
        a.put(Region.DENIALS, key, "revoked", CLOCK.instant().plusSeconds(3600));
        assertEquals(Optional.of("revoked"), a.get(Region.DENIALS, key), "its own denial, at once");

        await(Duration.ofSeconds(1), () -> b.get(Region.DENIALS, key).isPresent(), "B sees A's denial");
        assertFalse(b.isEmpty(Region.DENIALS));

        a.remove(Region.DENIALS, key);
        await(Duration.ofSeconds(1), () -> b.get(Region.DENIALS, key).isEmpty(), "B sees it lifted");
    }

    /** Denials are read from memory: with its engine gone, a server answers them and does not notice. */
    @Test
    void denialsAreAnsweredFromMemoryWithoutCallingTheEngine() throws Exception {
        // Checks and retries a minute apart: only a call of the store's own can notice the engine gone.
        ServerLoader serverC = server("c");
        JCacheStore c = store(serverC, settings(LONG, LONG));
        String key = key();
        a.put(Region.DENIALS, key, "revoked", CLOCK.instant().plusSeconds(3600));
        await(Duration.ofSeconds(1), () -> c.get(Region.DENIALS, key).isPresent(), "C sees A's denial");

        hazelcast(serverC).getMethod("shutdownAll").invoke(null);
        assertEquals(Optional.of("revoked"), c.get(Region.DENIALS, key));
        assertFalse(c.isEmpty(Region.DENIALS));
        assertTrue(c.reachable(), "a call to the engine would have failed, and the store have noticed");

        assertEquals(Optional.empty(), c.get(Region.CHAINS, key()), "a region only the engine holds");
        assertFalse(c.reachable(), "that call failed, and the store noticed at once");
        c.close();
    }

    /**
     * A server whose member is gone answers from memory, keeps its writes, and once its new member
     * joins, has the others' writes and gave them its own (AV1501, then AV1502).
     */
    @Test
    void anUnreachableEngineIsAnsweredFromMemoryAndCaughtUpOnceBack() throws Exception {
        try (LogRecords log = LogRecords.of(JCacheStore.class)) {
            String deniedBefore = key();
            String deniedByB = key();
            String deniedByA = key();
            String chainByB = key();
            Instant inAnHour = CLOCK.instant().plusSeconds(3600);
            a.put(Region.DENIALS, deniedBefore, "revoked", inAnHour);
            await(Duration.ofSeconds(1), () -> b.get(Region.DENIALS, deniedBefore).isPresent(), "B sees A's denial");

            hazelcast(serverB).getMethod("shutdownAll").invoke(null);
            await(Duration.ofSeconds(2), () -> !b.reachable(), "B notices its engine gone");
            assertEquals(Optional.of("revoked"), b.get(Region.DENIALS, deniedBefore));
            b.put(Region.DENIALS, deniedByB, "revoked", inAnHour);
            b.put(Region.CHAINS, chainByB, "chain-b", inAnHour);
            assertEquals(Optional.of("revoked"), b.get(Region.DENIALS, deniedByB));
            assertEquals(Optional.of("chain-b"), b.get(Region.CHAINS, chainByB));
            a.put(Region.DENIALS, deniedByA, "revoked", inAnHour);

            await(Duration.ofSeconds(30), b::reachable, "B's new member in the cluster");
            assertEquals(Optional.of("revoked"), b.get(Region.DENIALS, deniedByA), "written on A meanwhile");
            assertEquals(Optional.of("chain-b"), a.get(Region.CHAINS, chainByB), "kept on B meanwhile");
            await(Duration.ofSeconds(1), () -> a.get(Region.DENIALS, deniedByB).isPresent(), "A sees B's kept denial");
            assertEquals(Optional.of("revoked"), b.get(Region.DENIALS, deniedBefore));

            // The store is reachable a moment before it logs so.
            await(Duration.ofSeconds(1), () -> log.has(Level.INFO, "AV1502"), "AV1502 logged");
            List<String> lines = log.lines();
            int lost = indexOf(lines, "AV1501");
            int back = indexOf(lines, "AV1502");
            assertTrue(lost >= 0 && back > lost, log.toString());
            assertTrue(log.has(Level.WARNING, "AV1501", "refused with 503"), log.toString());
            assertTrue(log.has(Level.INFO, "AV1502", "2 writes"), log.toString());
        }
    }

    /**
     * A server whose member merged back into the cluster after a split still sees the other
     * servers' denials. When Hazelcast heals a split (members that lost each other's heartbeats a
     * while, e.g. a server starved of CPU past {@code hazelcast.max.no.heartbeat.seconds}), each
     * member of the smaller side resets itself and joins the other side: here H's member goes
     * through that merge ({@code ClusterServiceImpl.merge}, what Hazelcast's own
     * {@code MergeClustersOp} calls), and stays a member, reachable, throughout: the merge took
     * the store's listeners, and only its heartbeat tells it ({@code AV1512}, then it reconnects).
     */
    @Test
    void aServerWhoseMemberMergedBackAfterASplitStillSeesTheOthersDenials() throws Exception {
        ServerLoader serverH = server("h");
        JCacheStore h = store(serverH, settings(CHECK, RETRY));
        try {
            String before = key();
            a.put(Region.DENIALS, before, "revoked", CLOCK.instant().plusSeconds(3600));
            await(Duration.ofSeconds(1), () -> h.get(Region.DENIALS, before).isPresent(), "H sees A's denial");

            mergeBack(serverH);
            // The store notices that its feed stopped once its heartbeat is later than the grace
            // (StoreHeartbeat.MIN_GRACE_SECONDS here), and reconnects with a new member, which joins
            // the cluster: seconds more on a loaded machine.
            await(Duration.ofSeconds(30), h::reachable, "H reachable after the merge");

            String after = key();
            a.put(Region.DENIALS, after, "revoked", CLOCK.instant().plusSeconds(3600));
            await(Duration.ofSeconds(60), () -> h.get(Region.DENIALS, after).isPresent(),
                    "H sees A's denial made after its member merged");
        } finally {
            h.close();
        }
    }

    /**
     * A server whose feed of events stopped while its engine answers every call (here its listeners
     * deregistered behind its back, through the JCache API) notices it within a few check intervals
     * ({@code AV1512}), connects anew and sees the others' denials again, also one made meanwhile
     * ({@code AV1502}).
     */
    @Test
    void aServerWhoseFeedStoppedSilentlyReconnectsAndSeesTheOthersDenialsAgain() throws Exception {
        ServerLoader serverI = server("i");
        JCacheStore i = store(serverI, settings(CHECK, RETRY));
        try (LogRecords log = LogRecords.of(JCacheStore.class)) {
            String before = key();
            a.put(Region.DENIALS, before, "revoked", CLOCK.instant().plusSeconds(3600));
            await(Duration.ofSeconds(1), () -> i.get(Region.DENIALS, before).isPresent(), "I sees A's denial");

            CachingProvider provider = Caching.getCachingProvider(PROVIDER, serverI);
            Cache<String, String> denials = provider.getCacheManager(CONFIG, provider.getDefaultClassLoader())
                    .getCache(PREFIX + Region.DENIALS.id, String.class, String.class);
            // Hazelcast deregisters only what this member's cache registered: I's own listener.
            List<CacheEntryListenerConfiguration<String, String>> listeners = new ArrayList<>();
            listenersOf(denials).forEach(listeners::add);
            assertFalse(listeners.isEmpty(), "I's cache lists its listener");
            listeners.forEach(denials::deregisterCacheEntryListener);
            String meanwhile = key();
            a.put(Region.DENIALS, meanwhile, "revoked", CLOCK.instant().plusSeconds(3600));

            await(Duration.ofSeconds(60), () -> log.has(Level.INFO, "AV1502"), "I connected anew");
            assertEquals(Optional.of("revoked"), i.get(Region.DENIALS, meanwhile), "made while its feed was stopped");
            String after = key();
            a.put(Region.DENIALS, after, "revoked", CLOCK.instant().plusSeconds(3600));
            await(Duration.ofSeconds(1), () -> i.get(Region.DENIALS, after).isPresent(), "I sees A's denial again");
            assertTrue(log.has(Level.WARNING, "AV1512", PREFIX), log.toString());
            assertFalse(log.has(Level.WARNING, "AV1501"), "one line says what happened: " + log);
            assertTrue(indexOf(log.lines(), "AV1512") < indexOf(log.lines(), "AV1502"), log.toString());
        } finally {
            i.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Iterable<CacheEntryListenerConfiguration<String, String>> listenersOf(Cache<String, String> cache) {
        return cache.getConfiguration(CompleteConfiguration.class).getCacheEntryListenerConfigurations();
    }

    /**
     * The server's member does what the smaller side of a healed split does: resets itself (a new
     * member id, its cluster state dropped) and joins the master; waits until it is a member again.
     */
    private static void mergeBack(ServerLoader server) throws Exception {
        Object member = members(server).iterator().next();
        Object original = member.getClass().getMethod("getOriginal").invoke(member);
        Object node = original.getClass().getField("node").get(original);
        Object clusterService = node.getClass().getMethod("getClusterService").invoke(node);
        Object master = clusterService.getClass().getMethod("getMasterAddress").invoke(clusterService);
        Object uuid = invoke(invoke(member, "getCluster"), "getLocalMember");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(server);
        try {
            clusterService.getClass().getMethod("merge", Class.forName("com.hazelcast.cluster.Address", true, server))
                    .invoke(clusterService, master);
        } finally {
            thread.setContextClassLoader(before);
        }
        await(Duration.ofSeconds(30), () -> !invoke(invoke(member, "getCluster"), "getLocalMember").equals(uuid)
                && ((Set<?>) invoke(invoke(member, "getCluster"), "getMembers")).size() > 1, "the member merged back");
    }

    private static Object invoke(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closing the store shuts down the member the provider started for it, and stops its watch thread. */
    @Test
    void closeShutsDownTheMemberItStarted() throws Exception {
        ServerLoader serverD = server("d");
        long watching = watchThreads();
        JCacheStore d = store(serverD, settings(CHECK, RETRY));
        assertEquals(1, members(serverD).size());
        assertEquals(watching + 1, watchThreads());

        d.close();
        assertEquals(Set.of(), members(serverD));
        assertEquals(watching, watchThreads());
    }

    /**
     * A server joining, listening and leaving makes no member log an error (its listener's
     * configuration travels to them).
     */
    @Test
    void aServerComingAndGoingLeavesNoErrorOnTheOthers() throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler severe = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        HAZELCAST_LOG.addHandler(severe);
        try {
            // Its listener's configuration goes to A's and B's members, and is taken back at close.
            JCacheStore e = store(server("e"), settings(CHECK, RETRY));
            String key = key();
            e.put(Region.DENIALS, key, "revoked", CLOCK.instant().plusSeconds(60));
            await(Duration.ofSeconds(1), () -> a.get(Region.DENIALS, key).isPresent(), "A sees E's denial");
            e.close();
            a.put(Region.DENIALS, key(), "revoked", CLOCK.instant().plusSeconds(60));
        } finally {
            HAZELCAST_LOG.removeHandler(severe);
        }
        assertEquals(List.of(), errors);
    }

    /**
     * A {@code hazelcast.xml} that declares one of the caches with a shorter lifetime than its
     * region's (here claims: 2 minutes, the region 11) is named in the log at connection.
     */
    @Test
    void aCacheDeclaredShorterLivedThanItsRegionIsNamedInTheLog() {
        try (LogRecords log = LogRecords.of(JCacheStore.class)) {
            StoreSettings shortClaims = new StoreSettings(StoreSettings.Kind.JCACHE, Optional.of(PROVIDER),
                    Optional.of(URI.create("classpath:hazelcast-store-short-claims.xml")), PREFIX, key32(), true,
                    StoreSettings.WhenUnreachable.REFUSE, CHECK, RETRY, 100_000);
            JCacheStore store = store(server("g"), shortClaims);
            assertTrue(store.reachable());
            assertTrue(log.has(Level.WARNING, "AV1506", PREFIX + "claims", "120 s", "660 s"), log.toString());
            assertFalse(log.has(Level.WARNING, "AV1506", PREFIX + "spent"), log.toString());
            store.close();
        }
    }

    /** An engine that cannot start does not stop the application: AV1505, and answers from memory. */
    @Test
    void anEngineThatCannotStartLeavesTheStoreAnsweringFromMemory() {
        try (LogRecords log = LogRecords.of(JCacheStore.class)) {
            StoreSettings missing = new StoreSettings(StoreSettings.Kind.JCACHE, Optional.of(PROVIDER),
                    Optional.of(URI.create("classpath:no-such-hazelcast.xml")), PREFIX, key32(), true,
                    StoreSettings.WhenUnreachable.ALLOW, CHECK, RETRY, 100_000);
            JCacheStore lonely = store(server("f"), missing);

            assertFalse(lonely.reachable());
            assertFalse(lonely.holdsRevocations(), "it knows none of the other servers' revocations");
            assertTrue(log.has(Level.WARNING, "AV1505", "classpath:no-such-hazelcast.xml"),
                    log.toString());
            lonely.put(Region.DENIALS, "hash", "revoked", CLOCK.instant().plusSeconds(60));
            lonely.put(Region.DEVICES, "session", "device", CLOCK.instant().plusSeconds(60));
            assertEquals(Optional.of("revoked"), lonely.get(Region.DENIALS, "hash"));
            assertEquals(Optional.of("device"), lonely.get(Region.DEVICES, "session"));
            lonely.close();
        }
    }

    /** A provider class that is not there is a configuration error naming its key. */
    @Test
    void anUnknownProviderIsAConfigurationErrorNamingItsKey() {
        StoreSettings unknown = new StoreSettings(StoreSettings.Kind.JCACHE, Optional.of("com.example.NoSuchProvider"),
                Optional.of(CONFIG), PREFIX, key32(), true, StoreSettings.WhenUnreachable.REFUSE, CHECK, RETRY, 100_000);

        AuthVitalConfigException e = assertThrows(AuthVitalConfigException.class,
                () -> new JCacheStore(unknown, getClass().getClassLoader(), CLOCK));
        assertTrue(e.getProblems().get(0).contains("authvital.store.jcache.provider"), e.getMessage());
        assertTrue(e.getProblems().get(0).contains("com.example.NoSuchProvider"), e.getMessage());
    }

    // Helpers

    private static StoreSettings settings(Duration check, Duration retry) {
        return new StoreSettings(StoreSettings.Kind.JCACHE, Optional.of(PROVIDER), Optional.of(CONFIG), PREFIX,
                key32(), true, StoreSettings.WhenUnreachable.REFUSE, check, retry, 100_000);
    }

    private static SecretKeySpec key32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    /** A store of a server: made with the server's class loader as the thread's, which its member's threads inherit. */
    private static JCacheStore store(ServerLoader server, StoreSettings settings) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(server);
        try {
            JCacheStore store = new JCacheStore(settings, server, CLOCK);
            stores.add(store);
            return store;
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static ServerLoader server(String name) {
        ServerLoader server = new ServerLoader(name);
        servers.add(server);
        return server;
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    /** A server's own {@code com.hazelcast.core.Hazelcast}, where its members are. */
    private static Class<?> hazelcast(ClassLoader server) throws ClassNotFoundException {
        return Class.forName("com.hazelcast.core.Hazelcast", true, server);
    }

    private static Set<?> members(ClassLoader server) throws Exception {
        return (Set<?>) hazelcast(server).getMethod("getAllHazelcastInstances").invoke(null);
    }

    private static long watchThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("authvital-store-watch")).count();
    }

    /** A JCache duration as a java.time one; null for eternal, which has no unit. */
    private static Duration duration(javax.cache.expiry.Duration jcache) {
        return jcache == null || jcache.isEternal() ? null
                : Duration.of(jcache.getDurationAmount(), jcache.getTimeUnit().toChronoUnit());
    }

    private static int indexOf(List<String> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void await(Duration deadline, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * A server's class loader: Hazelcast's classes and resources from its own copy of the jar,
     * everything else (the JCache API, the module, the test's configuration) from the test's.
     */
    private static final class ServerLoader extends URLClassLoader {

        private static final URL HAZELCAST_JAR =
                com.hazelcast.core.Hazelcast.class.getProtectionDomain().getCodeSource().getLocation();

        ServerLoader(String name) {
            super("server-" + name, new URL[] {HAZELCAST_JAR}, JCacheStoreTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("com.hazelcast.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        /** Its own jar's, then the test's but for the test's Hazelcast jar: each service once. */
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> urls = Collections.list(findResources(name));
            String shared = "jar:" + HAZELCAST_JAR + "!";
            for (URL url : Collections.list(getParent().getResources(name))) {
                if (!url.toString().startsWith(shared)) {
                    urls.add(url);
                }
            }
            return Collections.enumeration(urls);
        }
    }
}
