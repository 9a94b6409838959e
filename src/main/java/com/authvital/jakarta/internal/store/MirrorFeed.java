package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.configuration.Factory;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * The listener that feeds the mirror ({@link StoreMirror}) with one region's events, and its own
 * factory. Engines send a listener's configuration, factory included, to their other members
 * (Hazelcast does, keeps it in the cache's configuration, and makes a listener of it in any
 * CacheManager made there later). A copy is this class with its id only: it does nothing where it
 * lands, and a server's copy elsewhere never reaches that server's mirror. Only the original, on
 * this server, feeds the mirror, and only until its connection is let go of. Each has an id of its
 * own, since Hazelcast refuses a configuration equal to one it already holds.
 */
final class MirrorFeed implements Factory<CacheEntryListener<? super String, ? super String>>,
        CacheEntryCreatedListener<String, String>, CacheEntryUpdatedListener<String, String>,
        CacheEntryRemovedListener<String, String>, CacheEntryExpiredListener<String, String> {

    private static final long serialVersionUID = 1L;

    /**
     * Whether the connection of the listeners is still this store's, and the last of this server's
     * heartbeats they heard ({@link StoreHeartbeat}): shared by its listeners.
     */
    static final class Switch {
        private volatile boolean on = true;
        private final AtomicLong heard = new AtomicLong();

        void close() {
            on = false;
        }

        /** The highest heartbeat number heard on this connection; 0 for none. */
        long heard() {
            return heard.get();
        }
    }

    private final String id = UUID.randomUUID().toString();
    // Null in a copy: nothing of this server travels.
    private final transient Region region;
    private final transient Switch feed;
    private final transient InMemoryStore mirror;
    private final transient Clock clock;
    private final transient String heartbeat;

    /** @param heartbeat this server's heartbeat key: heard, never copied into the mirror */
    MirrorFeed(Region region, Switch feed, InMemoryStore mirror, Clock clock, String heartbeat) {
        this.region = region;
        this.feed = feed;
        this.mirror = mirror;
        this.clock = clock;
        this.heartbeat = heartbeat;
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
        if (StoreHeartbeat.is(event.getKey())) {
            // Any server's heartbeat stays out of the mirror: only this server's own is heard.
            if (event.getKey().equals(heartbeat)) {
                long beat = StoreHeartbeat.number(event.getValue());
                feed.heard.accumulateAndGet(beat, Math::max);
            }
            return;
        }
        InMemoryStore.Entry entry = StoredValue.decode(event.getValue());
        if (!StoredValue.live(entry, clock)) {
            mirror.remove(region, event.getKey());
            return;
        }
        try {
            mirror.put(region, event.getKey(), entry.value(), Instant.ofEpochMilli(entry.expiresAt()));
        } catch (IdpUnavailableException e) {
            // The mirror is at its bound (AV1508, logged): it no longer says it holds every revocation.
        }
    }

    private void forget(CacheEntryEvent<? extends String, ? extends String> event) {
        if (feeding() && !StoreHeartbeat.is(event.getKey())) {
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
