package com.authvital.jakarta.internal;

import com.authvital.jakarta.AuthVitalConfigException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;

/**
 * The store of a cluster of servers, through any JCache (JSR-107) engine: one cache of strings
 * per {@link SessionStore.Region}, named {@code <cache prefix><region>}, made by the first server
 * that needs it.
 *
 * <ul>
 * <li>Each value carries its own expiry ({@code <epoch millis>:<value>}): it is never answered
 *     after it, whatever the engine does; the engine drops it at the latest its region's lifetime
 *     after its last write.</li>
 * <li>The mirrored regions (the denials, read on every request) are answered from this server's
 *     memory, never by a network call: loaded from the cache at start, kept up to date by the
 *     cache's events, and written at once by this server's own writes.</li>
 * <li>Any failure of the engine makes the store unreachable ({@code AV1501}, once per outage):
 *     reads are answered from memory, writes are kept in memory and in order (at most
 *     {@value #MAX_KEPT_WRITES}, the oldest dropped past it: {@code AV1504}), and conditional
 *     writes are decided in memory. The watch thread ({@code authvital-store-watch}) checks the
 *     engine every check interval and, while it cannot be reached, asks the provider again every
 *     retry interval (for an embedded Hazelcast, a new member that rejoins the cluster); then it
 *     reloads the mirror, writes the kept writes and logs {@code AV1502}.</li>
 * <li>No request thread ever waits for the watch thread or sleeps: on a reachable engine each
 *     operation is one or two direct calls, as long as the engine's own timeouts allow.</li>
 * </ul>
 *
 * <p>The CacheManager is asked for with the provider's own class loader: keys and values are
 * strings, so no class of the application is needed, and Hazelcast puts any other class loader's
 * {@code toString()} into the names of its distributed caches, which would keep each server
 * apart. Every server must give the same URI: Hazelcast puts it in those names too.
 *
 * <pre>{@code
 * SessionStore store = new JCacheStore(settings, getClass().getClassLoader(), Clock.systemUTC());
 * store.put(Region.DENIALS, tokenHash, "revoked", expiresAt); // every server refuses it within a moment
 * }</pre>
 */
public final class JCacheStore implements SessionStore {

    private static final System.Logger LOG = System.getLogger(JCacheStore.class.getName());

    /** How many writes are kept while the engine cannot be reached: past that, the oldest go. */
    static final int MAX_KEPT_WRITES = 100_000;

    /**
     * Hazelcast's name for the configuration of the member behind a CacheManager. Given so (and
     * not only as the URI), closing the CacheManager also shuts down the member the provider
     * started for it, which would otherwise outlive the application. Other engines ignore it; a
     * name, not a class: the module does not depend on Hazelcast.
     */
    static final String HAZELCAST_CONFIG_LOCATION = "hazelcast.config.location";

    /** What the watch thread asks the engine about: nothing is ever stored under it. */
    private static final String PROBE_KEY = "authvital.store.probe";

    /** How often a conditional write is tried again while other servers change the same entry. */
    private static final int CONDITIONAL_ATTEMPTS = 5;

    /** How long {@link #close()} waits for the watch thread (it may be starting a member). */
    private static final long CLOSE_WAIT_SECONDS = 30;

    /** A write, applied to the engine, or kept in memory until the engine can be reached again. */
    private record Write(Kind kind, Region region, String key, String expected, String value, long expiresAt) {

        enum Kind { PUT, PUT_IF_ABSENT, REPLACE, REMOVE }

        /** Applies it to a store in memory; whether it changed something. */
        boolean applyTo(SessionStore local) {
            Instant until = Instant.ofEpochMilli(expiresAt);
            return switch (kind) {
                case PUT -> {
                    local.put(region, key, value, until);
                    yield true;
                }
                case PUT_IF_ABSENT -> local.putIfAbsent(region, key, value, until);
                case REPLACE -> local.replace(region, key, expected, value, until);
                case REMOVE -> {
                    local.remove(region, key);
                    yield true;
                }
            };
        }
    }

    /** One connection to the engine: its CacheManager, the caches, and the mirror's listeners. */
    private record Engine(CacheManager manager, Map<Region, Cache<String, String>> caches,
                          Map<Region, CacheEntryListenerConfiguration<String, String>> listeners,
                          MirrorFeed.Switch feed) {

        Cache<String, String> cache(Region region) {
            return caches.get(region);
        }
    }

    private final StoreSettings settings;
    private final Clock clock;
    private final CachingProvider provider;
    private final URI uri;
    private final ClassLoader engineLoader;
    private final Properties engineProperties = new Properties();
    private final String description;
    /** This server's copy of the mirrored regions: the answer to every read of them. */
    private final InMemoryStore mirror;
    /** The other regions' writes made while the engine cannot be reached: their answers meanwhile. */
    private final InMemoryStore overlay;
    private final Object lock = new Object();
    private final Deque<Write> kept = new ArrayDeque<>(); // guarded by lock, oldest first
    private int dropped; // guarded by lock: kept writes dropped in this outage
    private int droppedLogged; // guarded by lock: of which AV1504 already told
    private long unreachableSince; // guarded by lock: clock millis
    private int replayed; // watch thread: kept writes written to the engine in this outage
    private Engine current; // guarded by lock: the last engine connected, reachable or not
    private boolean closed; // guarded by lock
    /** The engine while it can be reached; null while it cannot: the one field every request reads. */
    private volatile Engine connected;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread watch;

    /**
     * Connects to the engine (for an embedded engine, starts it: this may take seconds). If it
     * cannot, the store starts unreachable and the watch thread keeps trying ({@code AV1505}).
     *
     * @param settings    the provider, the URI, the cache prefix and the intervals
     * @param classLoader the application's, where the provider is looked for
     * @param clock       what the entries' expiries are compared with
     * @throws AuthVitalConfigException when no JCache provider (or not the one named) can be found
     */
    JCacheStore(StoreSettings settings, ClassLoader classLoader, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.provider = provider(settings, classLoader);
        this.uri = settings.uri().orElseGet(provider::getDefaultURI);
        this.engineLoader = Optional.ofNullable(provider.getDefaultClassLoader()).orElse(classLoader);
        settings.uri().ifPresent(location -> engineProperties.setProperty(HAZELCAST_CONFIG_LOCATION,
                location.toString()));
        this.description = settings.cachePrefix() + "*, " + provider.getClass().getName() + ", " + shown(uri);
        this.mirror = new InMemoryStore(clock, InMemoryStore.MAX_PER_REGION);
        this.overlay = new InMemoryStore(clock, InMemoryStore.MAX_PER_REGION);
        try {
            current = connect();
            connected = current;
        } catch (RuntimeException e) {
            unreachableSince = clock.millis();
            LOG.log(Level.WARNING, () -> Messages.storeCannotStart(description, reason(e)));
        }
        watch = new Thread(this::watch, "authvital-store-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** The provider named, or the only one on the class path; a configuration problem naming the key if none. */
    private static CachingProvider provider(StoreSettings settings, ClassLoader classLoader) {
        try {
            return settings.provider().isPresent()
                    ? Caching.getCachingProvider(settings.provider().get(), classLoader)
                    : Caching.getCachingProvider(classLoader);
        } catch (CacheException e) {
            String problem = settings.provider()
                    .map(name -> "'" + AuthVitalConfig.STORE_JCACHE_PROVIDER + "' is '" + name + "', which is not a "
                            + "JCache CachingProvider the application can load: put the engine's jar in the "
                            + "application, or correct the class name")
                    .orElse("'" + AuthVitalConfig.STORE + "' is 'jcache' but no single JCache engine was found ("
                            + e.getMessage() + "): put one in the application, or set '"
                            + AuthVitalConfig.STORE_JCACHE_PROVIDER + "' to its CachingProvider class (for "
                            + "Hazelcast, com.hazelcast.cache.HazelcastMemberCachingProvider)");
            throw new AuthVitalConfigException(List.of(problem));
        }
    }

    /** The caches, the provider and the engine's configuration, for log lines: no value, no user info. */
    String describe() {
        return description;
    }

    // The operations

    /**
     * A mirrored region's from memory, always; any other's from the engine, or while it cannot be
     * reached from what this server wrote meanwhile.
     */
    @Override
    public Optional<String> get(Region region, String key) {
        if (region.mirrored) {
            return mirror.get(region, key);
        }
        Engine engine = connected;
        if (engine != null) {
            try {
                InMemoryStore.Entry entry = decode(engine.cache(region).get(key));
                return live(entry) ? Optional.of(entry.value()) : Optional.empty();
            } catch (RuntimeException e) {
                lost(engine);
            }
        }
        return overlay.get(region, key);
    }

    /** To the engine (and at once to the mirror), or while it cannot be reached to memory, kept. */
    @Override
    public void put(Region region, String key, String value, Instant expiresAt) {
        write(new Write(Write.Kind.PUT, region, key, null, value, expiresAt.toEpochMilli()));
    }

    /**
     * Atomic across the servers: the engine's {@code putIfAbsent}, or its {@code replace} of an
     * entry past its own expiry. While the engine cannot be reached, decided in memory.
     */
    @Override
    public boolean putIfAbsent(Region region, String key, String value, Instant expiresAt) {
        return write(new Write(Write.Kind.PUT_IF_ABSENT, region, key, null, value, expiresAt.toEpochMilli()));
    }

    /**
     * Atomic across the servers: the engine's {@code replace} of the very entry that held
     * {@code expected}. While the engine cannot be reached, decided in memory.
     */
    @Override
    public boolean replace(Region region, String key, String expected, String value, Instant expiresAt) {
        return write(new Write(Write.Kind.REPLACE, region, key, expected, value, expiresAt.toEpochMilli()));
    }

    /** From the engine (and the mirror), or while it cannot be reached from memory, kept. */
    @Override
    public void remove(Region region, String key) {
        write(new Write(Write.Kind.REMOVE, region, key, null, null, 0));
    }

    /**
     * For a mirrored region, from memory. Any other region only the engine knows: never said to be
     * empty while it can be reached, so that nobody skips a lookup on this answer.
     */
    @Override
    public boolean isEmpty(Region region) {
        if (region.mirrored) {
            return mirror.isEmpty(region);
        }
        return connected == null && overlay.isEmpty(region);
    }

    /** Whether the last call to the engine worked; false from the first that failed until it reconnects. */
    @Override
    public boolean reachable() {
        return connected != null;
    }

    /** Writes to the engine while it can be reached, else to memory, kept for later; whether it did. */
    private boolean write(Write write) {
        while (true) {
            Engine engine = connected;
            if (engine != null) {
                try {
                    boolean done = applyTo(engine.cache(write.region()), write);
                    if (done && write.region().mirrored) {
                        copyToMirror(write); // this server sees its own write before the event comes back
                    }
                    return done;
                } catch (RuntimeException e) {
                    lost(engine);
                }
            }
            synchronized (lock) {
                // Checked again under the lock: the watch thread makes the engine reachable under it,
                // after the last kept write, so no write can slip in between and be lost.
                if (connected == null) {
                    boolean done = write.applyTo(write.region().mirrored ? mirror : overlay);
                    if (done) {
                        keep(write);
                    }
                    return done;
                }
            }
        }
    }

    /** Applies a write to the engine's cache, its expiry in the value; whether it changed something. */
    private boolean applyTo(Cache<String, String> cache, Write write) {
        String mine = encode(write.value(), write.expiresAt());
        switch (write.kind()) {
            case PUT -> {
                cache.put(write.key(), mine);
                return true;
            }
            case REMOVE -> {
                cache.remove(write.key());
                return true;
            }
            case PUT_IF_ABSENT -> {
                for (int attempt = 0; attempt < CONDITIONAL_ATTEMPTS; attempt++) {
                    if (cache.putIfAbsent(write.key(), mine)) {
                        return true;
                    }
                    String known = cache.get(write.key());
                    if (known != null) {
                        if (live(decode(known))) {
                            return false;
                        }
                        // Present but past its own expiry: take its place, unless another server just did.
                        if (cache.replace(write.key(), known, mine)) {
                            return true;
                        }
                    }
                }
                return false; // others keep changing it: one of them has it
            }
            case REPLACE -> {
                for (int attempt = 0; attempt < CONDITIONAL_ATTEMPTS; attempt++) {
                    String known = cache.get(write.key());
                    InMemoryStore.Entry entry = decode(known);
                    if (!live(entry) || !entry.value().equals(write.expected())) {
                        return false;
                    }
                    // Atomic on the raw strings: the same value with another expiry written meanwhile
                    // makes it fail, and the loop looks again.
                    if (cache.replace(write.key(), known, mine)) {
                        return true;
                    }
                }
                return false;
            }
            default -> throw new IllegalStateException(write.kind().name());
        }
    }

    /** What a write the engine took does to the mirror, at once rather than when its event comes back. */
    private void copyToMirror(Write write) {
        if (write.kind() == Write.Kind.REMOVE) {
            mirror.remove(write.region(), write.key());
        } else {
            mirror.put(write.region(), write.key(), write.value(), Instant.ofEpochMilli(write.expiresAt()));
        }
    }

    /** Keeps a write made while the engine cannot be reached; past the bound, the oldest goes. */
    private void keep(Write write) {
        kept.addLast(write);
        if (kept.size() > MAX_KEPT_WRITES) {
            kept.removeFirst();
            dropped++;
        }
    }

    /** A call to {@code engine} failed: from now on, memory answers (AV1501 once per outage). */
    private void lost(Engine engine) {
        synchronized (lock) {
            if (connected != engine || engine == null) {
                return; // already known, or an engine let go of since
            }
            connected = null;
            unreachableSince = clock.millis();
            dropped = 0;
            droppedLogged = 0;
        }
        LOG.log(Level.WARNING, () -> Messages.storeUnreachable(description, policy()));
    }

    /** What AV1501 says requests that change something get, from {@code authvital.store.unreachable}. */
    private String policy() {
        return settings.whenUnreachable() == StoreSettings.WhenUnreachable.REFUSE ? "refused with 503" : "let through";
    }

    // The engine

    /** A new connection: the CacheManager, the caches (made if missing), the mirror's listeners and contents. */
    private Engine connect() {
        CacheManager manager = provider.getCacheManager(uri, engineLoader, engineProperties);
        Engine engine = new Engine(manager, new EnumMap<>(Region.class), new EnumMap<>(Region.class),
                new MirrorFeed.Switch());
        try {
            for (Region region : Region.values()) {
                engine.caches().put(region, cache(manager, region));
            }
            for (Region region : Region.values()) {
                if (region.mirrored) {
                    // Listening before loading: nothing written meanwhile is missed.
                    CacheEntryListenerConfiguration<String, String> listener =
                            new MutableCacheEntryListenerConfiguration<>(
                                    new MirrorFeed(region, engine.feed(), mirror, clock), null, false, false);
                    engine.cache(region).registerCacheEntryListener(listener);
                    engine.listeners().put(region, listener);
                }
            }
            loadMirror(engine);
            return engine;
        } catch (RuntimeException e) {
            retire(engine);
            throw e;
        }
    }

    /** The region's cache; made if missing, and taken if another server made it meanwhile. */
    private Cache<String, String> cache(CacheManager manager, Region region) {
        String name = settings.cachePrefix() + region.id;
        Cache<String, String> cache = manager.getCache(name, String.class, String.class);
        if (cache != null) {
            return cache;
        }
        MutableConfiguration<String, String> configuration = new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class)
                .setStoreByValue(true)
                // From the last write, not the first: an entry taken over or replaced lives its own
                // expiry, never cut short by the time its key was first written.
                .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
                        new Duration(TimeUnit.SECONDS, region.lifetime.toSeconds())));
        try {
            return manager.createCache(name, configuration);
        } catch (CacheException exists) {
            Cache<String, String> made = manager.getCache(name, String.class, String.class);
            if (made == null) {
                throw exists;
            }
            return made;
        }
    }

    /**
     * Copies the cache's mirrored regions into the mirror. Entries the mirror has and the cache
     * has not, or has with an earlier expiry, stay: a denial is never forgotten by a reconnection
     * (the cluster may have lost it), and each goes at its own expiry.
     */
    private void loadMirror(Engine engine) {
        for (Region region : Region.values()) {
            if (!region.mirrored) {
                continue;
            }
            for (Cache.Entry<String, String> raw : engine.cache(region)) {
                InMemoryStore.Entry entry = decode(raw.getValue());
                Optional<InMemoryStore.Entry> mine = mirror.entry(region, raw.getKey());
                if (live(entry) && (mine.isEmpty() || mine.get().expiresAt() <= entry.expiresAt())) {
                    mirror.put(region, raw.getKey(), entry.value(), Instant.ofEpochMilli(entry.expiresAt()));
                }
            }
        }
    }

    /** Lets go of a connection; each step may fail on a broken engine, and the next is still taken. */
    private void retire(Engine engine) {
        engine.feed().close();
        engine.listeners().forEach((region, listener) ->
                quietly(() -> engine.cache(region).deregisterCacheEntryListener(listener)));
        quietly(engine.manager()::close);
        quietly(() -> provider.close(uri, engineLoader));
    }

    /** Takes one step of letting go, whatever it throws. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException ignored) {
            // A broken engine fails to let go of what it already lost: nothing more to do.
        }
    }

    // The watch thread

    /** Checks the engine every check interval; while it cannot be reached, reconnects every retry interval. */
    private void watch() {
        while (true) {
            Engine engine = connected;
            try {
                if (stopped.await((engine != null ? settings.checkInterval() : settings.retryInterval()).toMillis(),
                        TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (engine != null) {
                    probe(engine);
                } else {
                    reconnect();
                }
            } catch (RuntimeException e) {
                // The loop must outlive anything an engine throws: next round, it tries again.
                LOG.log(Level.DEBUG, () -> Messages.storeCannotStart(description, reason(e)));
            }
        }
    }

    /** The cheapest call that crosses to the engine; any failure makes the store unreachable. */
    private void probe(Engine engine) {
        try {
            engine.cache(Region.DENIALS).containsKey(PROBE_KEY);
        } catch (RuntimeException e) {
            lost(engine);
        }
    }

    /**
     * The same engine if it answers again, else a new connection; then the kept writes, in order,
     * and the store reachable again. A failure leaves it unreachable until the next retry.
     */
    private void reconnect() {
        Engine engine;
        synchronized (lock) {
            if (closed) {
                return;
            }
            engine = current;
        }
        if (engine != null) {
            try {
                engine.cache(Region.DENIALS).containsKey(PROBE_KEY);
                loadMirror(engine);
            } catch (RuntimeException stillBroken) {
                retire(engine);
                synchronized (lock) {
                    if (current == engine) {
                        current = null; // let go of once: the next retry connects anew
                    }
                }
                engine = null;
            }
        }
        if (engine == null) {
            try {
                engine = connect();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> Messages.storeCannotStart(description, reason(e)));
                logDropped();
                return;
            }
        }
        boolean closedMeanwhile;
        synchronized (lock) {
            closedMeanwhile = closed;
            if (!closedMeanwhile) {
                current = engine;
            }
        }
        if (closedMeanwhile) {
            retire(engine); // close() let go of what it knew; this one came after
            return;
        }
        replay(engine);
    }

    /** Writes the kept writes to the engine, oldest first; once none is left, makes it reachable. */
    private void replay(Engine engine) {
        while (true) {
            Write next;
            synchronized (lock) {
                next = kept.peekFirst();
            }
            if (next == null && reachableAgain(engine)) {
                return;
            }
            if (next == null) {
                continue; // a request kept one more meanwhile
            }
            // Outside the lock: requests go on keeping their writes, behind this one.
            try {
                if (!applyTo(engine.cache(next.region()), next) && next.region().mirrored) {
                    // Decided otherwise in the cluster meanwhile: the mirror takes the cluster's answer.
                    InMemoryStore.Entry theirs = decode(engine.cache(next.region()).get(next.key()));
                    if (live(theirs)) {
                        mirror.put(next.region(), next.key(), theirs.value(), Instant.ofEpochMilli(theirs.expiresAt()));
                    } else {
                        mirror.remove(next.region(), next.key());
                    }
                }
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> Messages.storeCannotStart(description, reason(e)));
                logDropped();
                return; // the rest waits for the next retry
            }
            synchronized (lock) {
                if (kept.peekFirst() == next) { // unless the bound dropped it meanwhile
                    kept.removeFirst();
                }
            }
            replayed++;
        }
    }

    /**
     * Makes the engine reachable if no write is kept any more (AV1502), under the lock that
     * requests keep their writes under; whether it did (or the store is closed: nothing to do).
     */
    private boolean reachableAgain(Engine engine) {
        long seconds;
        int newlyDropped;
        synchronized (lock) {
            if (closed) {
                return true;
            }
            if (!kept.isEmpty()) {
                return false;
            }
            overlay.close(); // empties it: the engine holds all it held
            connected = engine;
            seconds = (clock.millis() - unreachableSince) / 1000;
            newlyDropped = unloggedDrops();
        }
        int written = replayed;
        replayed = 0;
        logDropped(newlyDropped);
        LOG.log(Level.INFO, () -> Messages.storeReachableAgain(description, seconds, written));
        return true;
    }

    /** AV1504 when more writes were dropped since it last told: at most once per retry interval. */
    private void logDropped() {
        int count;
        synchronized (lock) {
            count = unloggedDrops();
        }
        logDropped(count);
    }

    /** AV1504 for {@code count} dropped writes, if any. */
    private void logDropped(int count) {
        if (count > 0) {
            LOG.log(Level.WARNING, () -> Messages.storeWritesDropped(count));
        }
    }

    /** The writes dropped in this outage if some were dropped since AV1504 last told, else 0; guarded by lock. */
    private int unloggedDrops() {
        if (dropped == droppedLogged) {
            return 0;
        }
        droppedLogged = dropped;
        return dropped;
    }

    /**
     * Stops the watch thread, lets go of the listeners and the CacheManager, and closes the
     * provider's resources for the URI: an embedded member the provider started for this store is
     * shut down. Writes still kept (the engine unreachable until now) are lost with the server's memory.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            connected = null;
        }
        stopped.countDown();
        try {
            watch.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Engine last;
        synchronized (lock) {
            last = current;
            current = null;
        }
        if (last != null) {
            retire(last);
        }
        mirror.close();
        overlay.close();
    }

    // Values, their expiry and the log lines

    /** A value as the cache holds it: its expiry first, then the value as it is. */
    private static String encode(String value, long expiresAt) {
        return value == null ? null : expiresAt + ":" + value;
    }

    /** A raw value of the cache; null for none, or for one this class did not write. */
    static InMemoryStore.Entry decode(String raw) {
        int colon = raw == null ? -1 : raw.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new InMemoryStore.Entry(raw.substring(colon + 1), Long.parseLong(raw, 0, colon, 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether an entry is there and not past its own expiry, on this store's clock. */
    private boolean live(InMemoryStore.Entry entry) {
        return entry != null && entry.expiresAt() > clock.millis();
    }

    /** Why the engine failed, for AV1505: the exception and its root cause, types and messages. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = e.getClass().getSimpleName() + ": " + e.getMessage();
        return root == e ? outer : outer + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** A URI for a log line: without user info or query, which may hold a password. */
    private static String shown(URI uri) {
        if (uri.isOpaque()) {
            String part = uri.getSchemeSpecificPart();
            int query = part.indexOf('?');
            return uri.getScheme() + ":" + (query < 0 ? part : part.substring(0, query));
        }
        return (uri.getScheme() == null ? "" : uri.getScheme() + ":")
                + (uri.getHost() == null ? "" : "//" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()))
                + (uri.getPath() == null ? "" : uri.getPath());
    }

    /**
     * The listener that feeds the mirror with one region's events, and its own factory. Engines
     * send a listener's configuration, factory included, to their other members (Hazelcast does,
     * keeps it in the cache's configuration, and makes a listener of it in any CacheManager made
     * there later). A copy is this class with its id only: it does nothing where it lands, and a
     * server's copy elsewhere never reaches that server's mirror. Only the original, on this
     * server, feeds the mirror, and only until its connection is let go of. Each has an id of its
     * own, since Hazelcast refuses a configuration equal to one it already holds.
     */
    static final class MirrorFeed implements Factory<CacheEntryListener<? super String, ? super String>>,
            CacheEntryCreatedListener<String, String>, CacheEntryUpdatedListener<String, String>,
            CacheEntryRemovedListener<String, String>, CacheEntryExpiredListener<String, String> {

        private static final long serialVersionUID = 1L;

        /** Whether the connection of the listeners is still this store's: shared by its listeners. */
        static final class Switch {
            private volatile boolean on = true;

            void close() {
                on = false;
            }
        }

        private final String id = UUID.randomUUID().toString();
        // Null in a copy: nothing of this server travels.
        private final transient Region region;
        private final transient Switch feed;
        private final transient InMemoryStore mirror;
        private final transient Clock clock;

        MirrorFeed(Region region, Switch feed, InMemoryStore mirror, Clock clock) {
            this.region = region;
            this.feed = feed;
            this.mirror = mirror;
            this.clock = clock;
        }

        @Override
        public CacheEntryListener<? super String, ? super String> create() {
            return this;
        }

        @Override
        public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(this::copy);
        }

        @Override
        public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(this::copy);
        }

        @Override
        public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(this::forget);
        }

        @Override
        public void onExpired(Iterable<CacheEntryEvent<? extends String, ? extends String>> events) {
            events.forEach(this::forget);
        }

        private boolean feeding() {
            return feed != null && feed.on;
        }

        private void copy(CacheEntryEvent<? extends String, ? extends String> event) {
            if (!feeding()) {
                return;
            }
            InMemoryStore.Entry entry = decode(event.getValue());
            if (entry != null && entry.expiresAt() > clock.millis()) {
                mirror.put(region, event.getKey(), entry.value(), Instant.ofEpochMilli(entry.expiresAt()));
            } else {
                mirror.remove(region, event.getKey());
            }
        }

        private void forget(CacheEntryEvent<? extends String, ? extends String> event) {
            if (feeding()) {
                mirror.remove(region, event.getKey());
            }
        }

        /** The original and its copies: so that letting go of it removes the copies too. */
        @Override
        public boolean equals(Object other) {
            return other instanceof MirrorFeed feed && feed.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        /** Its id only: nothing of the mirror. */
        @Override
        public String toString() {
            return "MirrorFeed[" + id + "]";
        }
    }
}
