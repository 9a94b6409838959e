package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;

/**
 * This server's copy of the mirrored regions of {@link JCacheStore} (the denials, read on every
 * request): the answer to every read of them, never a network call. Loaded from the caches at each
 * connection, kept up to date by their events ({@link MirrorFeed}), and written at once by this
 * server's own writes, also while the engine cannot be reached.
 */
final class StoreMirror {

    private final InMemoryStore memory;
    private final Clock clock;
    /** This server's heartbeat key, which its feed listens for ({@link StoreHeartbeat}). */
    private final String heartbeat;
    /** Whether the mirror was loaded from the cache at least once: before that it knows no revocation of the others. */
    private volatile boolean loaded;

    /**
     * An empty mirror; {@code clock} is what the entries' expiries are compared with, and each
     * region takes at most {@code maxEntries}; its feeds hear {@code heartbeat}, this server's
     * heartbeat key.
     */
    StoreMirror(Clock clock, int maxEntries, String heartbeat) {
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.memory = new InMemoryStore("this server's mirror of the shared cache", clock, maxEntries);
    }

    /** A mirrored region's value, from memory. */
    Optional<String> get(Region region, String key) {
        return memory.get(region, key);
    }

    /** Whether a mirrored region holds nothing, from memory. */
    boolean isEmpty(Region region) {
        return memory.isEmpty(region);
    }

    /** How many entries a mirrored region holds, live or expired and not yet swept. */
    int size(Region region) {
        return memory.size(region);
    }

    /** Decides a write in memory, the engine unreachable; whether it changed something. */
    boolean apply(StoreWrite write) {
        return write.applyTo(memory);
    }

    /** What a write the engine took does to the mirror, at once rather than when its event comes back. */
    void copy(StoreWrite write) {
        if (write.kind() == StoreWrite.Kind.REMOVE) {
            memory.remove(write.region(), write.key());
        } else {
            memory.put(write.region(), write.key(), write.value(), Instant.ofEpochMilli(write.expiresAt()));
        }
    }

    /** Takes the cluster's answer for a key, where a kept write was decided otherwise in the cluster meanwhile. */
    void takeTheirs(JCacheEngine.Connection connection, Region region, String key) {
        InMemoryStore.Entry theirs = StoredValue.decode(connection.cache(region).get(key));
        if (StoredValue.live(theirs, clock)) {
            memory.put(region, key, theirs.value(), Instant.ofEpochMilli(theirs.expiresAt()));
        } else {
            memory.remove(region, key);
        }
    }

    /** Feeds the mirror from a new connection's caches: their listeners, then their contents. */
    void attach(JCacheEngine.Connection connection) {
        for (Region region : Region.values()) {
            if (region.mirrored) {
                // Listening before loading: nothing written meanwhile is missed.
                CacheEntryListenerConfiguration<String, String> listener =
                        new MutableCacheEntryListenerConfiguration<>(
                                new MirrorFeed(region, connection.feed(), memory, clock, heartbeat), null, false,
                                false);
                connection.cache(region).registerCacheEntryListener(listener);
                connection.listeners().put(region, listener);
            }
        }
        load(connection);
    }

    /**
     * Copies the cache's mirrored regions into the mirror. Entries the mirror has and the cache
     * has not, or has with an earlier expiry, stay: a denial is never forgotten by a reconnection
     * (the cluster may have lost it), and each goes at its own expiry. The servers' heartbeats
     * stay out of it; one past its own expiry (its server stopped without removing it) is removed
     * from the cache, unless rewritten meanwhile.
     */
    void load(JCacheEngine.Connection connection) {
        memory.refusals(true);
        for (Region region : Region.values()) {
            if (!region.mirrored) {
                continue;
            }
            Cache<String, String> cache = connection.cache(region);
            for (Cache.Entry<String, String> raw : cache) {
                InMemoryStore.Entry entry = StoredValue.decode(raw.getValue());
                if (StoreHeartbeat.is(raw.getKey())) {
                    if (!StoredValue.live(entry, clock)) {
                        cache.remove(raw.getKey(), raw.getValue());
                    }
                    continue;
                }
                Optional<InMemoryStore.Entry> mine = memory.entry(region, raw.getKey());
                if (StoredValue.live(entry, clock) && (mine.isEmpty() || mine.get().expiresAt() <= entry.expiresAt())) {
                    try {
                        memory.put(region, raw.getKey(), entry.value(), Instant.ofEpochMilli(entry.expiresAt()));
                    } catch (IdpUnavailableException e) {
                        // At its bound (AV1508, logged): loaded() says it does not hold every revocation.
                    }
                }
            }
        }
        loaded = true;
    }

    /**
     * Whether the mirror was loaded from the cache at least once, and holds every denial since: not
     * after one was refused at its bound (AV1508) until a reload takes them all.
     */
    boolean loaded() {
        return loaded && !memory.refusals(false);
    }

    /** Forgets every entry: the store is closed. */
    void close() {
        memory.close();
    }
}
