package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.AuthVitalConfigException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.message.Messages;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The store of a cluster of servers, through any JCache (JSR-107) engine: one cache of strings
 * per {@link SessionStore.Region}, named {@code <cache prefix><region>}, made by the first server
 * that needs it ({@link JCacheEngine}).
 *
 * <ul>
 * <li>Each value carries its own expiry ({@link StoredValue}): it is never answered after it,
 *     whatever the engine does; the engine drops it at the latest its region's lifetime after its
 *     last write.</li>
 * <li>The mirrored regions (the denials, read on every request) are answered from this server's
 *     memory, never by a network call ({@link StoreMirror}): loaded from the cache at start, kept
 *     up to date by the cache's events, and written at once by this server's own writes.</li>
 * <li>Any failure of the engine makes the store unreachable ({@code AV1501}, once per outage):
 *     reads are answered from memory, writes are kept in memory and in order (at most
 *     {@value KeptWrites#MAX}, the oldest dropped past it: {@code AV1504}), and conditional
 *     writes are decided in memory ({@link StoreLink}). The watch thread ({@link StoreWatch})
 *     checks the engine every check interval and, while it cannot be reached, asks the provider
 *     again every retry interval; then it reloads the mirror, writes the kept writes and logs
 *     {@code AV1502}.</li>
 * <li>An engine that answers but sends this server no more events (its heartbeat,
 *     {@link StoreHeartbeat}, did not come back through the mirror's feed within two check
 *     intervals, and at least 10 seconds) is
 *     unreachable too ({@code AV1512}): the watch thread lets go of the connection and connects
 *     anew at once, with new listeners, and reloads the mirror.</li>
 * <li>No request thread ever waits for the watch thread or sleeps: on a reachable engine each
 *     operation is one or two direct calls, as long as the engine's own timeouts allow.</li>
 * </ul>
 *
 * <pre>{@code
 * SessionStore store = new JCacheStore(settings, getClass().getClassLoader(), Clock.systemUTC());
 * store.put(Region.DENIALS, tokenHash, "revoked", expiresAt); // every server refuses it within a moment
 * }</pre>
 */
public final class JCacheStore implements SessionStore {

    private static final System.Logger LOG = System.getLogger(JCacheStore.class.getName());

    private final Clock clock;
    private final JCacheEngine engine;
    private final StoreMirror mirror;
    private final StoreHeartbeat heartbeat;
    private final StoreLink link;
    private final StoreWatch watch;

    /**
     * Connects to the engine (for an embedded engine, starts it: this may take seconds). If it
     * cannot, the store starts unreachable and the watch thread keeps trying ({@code AV1505}).
     *
     * @param settings    the provider, the URI, the cache prefix and the intervals
     * @param classLoader the application's, where the provider is looked for
     * @param clock       what the entries' expiries are compared with
     * @throws AuthVitalConfigException when no JCache provider (or not the one named) can be found
     */
    public JCacheStore(StoreSettings settings, ClassLoader classLoader, Clock clock) {
        this.clock = clock;
        this.engine = new JCacheEngine(settings, classLoader);
        this.heartbeat = new StoreHeartbeat(clock, settings.checkInterval());
        this.mirror = new StoreMirror(clock, settings.maxEntries(), heartbeat.key());
        JCacheEngine.Connection first = null;
        try {
            first = engine.connect(mirror);
        } catch (RuntimeException e) {
            String description = engine.describe();
            LOG.log(Level.WARNING, () -> Messages.storeCannotStart(description, JCacheEngine.reason(e)));
        }
        this.link = new StoreLink(engine.describe(), settings.whenUnreachable(), clock, first, settings.maxEntries());
        this.watch = new StoreWatch(settings, engine, mirror, heartbeat, link, clock);
        watch.start();
    }

    /** The caches, the provider and the engine's configuration, for log lines: no value, no user info. */
    String describe() {
        return engine.describe();
    }

    /**
     * A mirrored region's from memory, always; any other's from the engine, or while it cannot be
     * reached from what this server wrote meanwhile.
     */
    @Override
    public Optional<String> get(Region region, String key) {
        if (region.mirrored) {
            return mirror.get(region, key);
        }
        JCacheEngine.Connection connection = link.connected();
        if (connection != null) {
            try {
                InMemoryStore.Entry entry = StoredValue.decode(connection.cache(region).get(key));
                return StoredValue.live(entry, clock) ? Optional.of(entry.value()) : Optional.empty();
            } catch (RuntimeException e) {
                link.lost(connection);
            }
        }
        return link.get(region, key);
    }

    /** To the engine (and at once to the mirror), or while it cannot be reached to memory, kept. */
    @Override
    public void put(Region region, String key, String value, Instant expiresAt) {
        write(new StoreWrite(StoreWrite.Kind.PUT, region, key, null, value, expiresAt.toEpochMilli()));
    }

    /**
     * Atomic across the servers: the engine's {@code putIfAbsent}, or its {@code replace} of an
     * entry past its own expiry. While the engine cannot be reached, decided in memory.
     */
    @Override
    public boolean putIfAbsent(Region region, String key, String value, Instant expiresAt) {
        return write(new StoreWrite(StoreWrite.Kind.PUT_IF_ABSENT, region, key, null, value, expiresAt.toEpochMilli()));
    }

    /**
     * Atomic across the servers: the engine's {@code replace} of the very entry that held
     * {@code expected}. While the engine cannot be reached, decided in memory.
     */
    @Override
    public boolean replace(Region region, String key, String expected, String value, Instant expiresAt) {
        return write(new StoreWrite(StoreWrite.Kind.REPLACE, region, key, expected, value, expiresAt.toEpochMilli()));
    }

    /** From the engine (and the mirror), or while it cannot be reached from memory, kept. */
    @Override
    public void remove(Region region, String key) {
        write(new StoreWrite(StoreWrite.Kind.REMOVE, region, key, null, null, 0));
    }

    /**
     * For a mirrored region, from memory. Any other region only the engine knows: never said to be
     * empty while it can be reached, so that nobody skips a lookup on this answer.
     */
    @Override
    public boolean isEmpty(Region region) {
        return region.mirrored ? mirror.isEmpty(region) : link.isEmpty(region);
    }

    /** Whether this server's copy of the revocations was loaded from the cache at least once. */
    @Override
    public boolean holdsRevocations() {
        return mirror.loaded();
    }

    /** Whether the last call to the engine worked; false from the first that failed until it reconnects. */
    @Override
    public boolean reachable() {
        return link.connected() != null;
    }

    /** Reachable or not, the writes kept meanwhile, and the mirror's size: from memory. */
    @Override
    public StoreStatus status() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Region region : Region.values()) {
            if (region.mirrored) {
                sizes.put(region.id, mirror.size(region));
            }
        }
        return new StoreStatus(true, reachable(), link.pendingWrites(), sizes);
    }

    /** Writes to the engine while it can be reached, else to memory, kept for later; whether it did. */
    private boolean write(StoreWrite write) {
        while (true) {
            JCacheEngine.Connection connection = link.connected();
            if (connection != null) {
                try {
                    boolean done = write.applyTo(connection.cache(write.region()), clock);
                    if (done && write.region().mirrored) {
                        mirror.copy(write); // this server sees its own write before the event comes back
                    }
                    return done;
                } catch (RuntimeException e) {
                    link.lost(connection);
                }
            }
            Optional<Boolean> kept = link.keep(write, mirror);
            if (kept.isPresent()) {
                return kept.get();
            }
        }
    }

    /**
     * Stops the watch thread, lets go of the listeners and the CacheManager, and closes the
     * provider's resources for the URI: an embedded member the provider started for this store is
     * shut down. Writes still kept (the engine unreachable until now) are lost with the server's memory.
     */
    @Override
    public void close() {
        JCacheEngine.Connection inUse = link.connected();
        if (!link.close()) {
            return;
        }
        watch.stop();
        JCacheEngine.Connection last = link.release();
        if (last != null) {
            if (last == inUse) {
                heartbeat.remove(last); // not on an engine that failed: it could hold close up
            }
            engine.retire(last);
        }
        mirror.close();
    }
}
