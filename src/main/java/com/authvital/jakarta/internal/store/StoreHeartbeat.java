package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * This server's heartbeat through its own feed of events ({@link MirrorFeed}): whether the
 * mirrored region's events still reach this server. An engine can keep answering calls while it
 * sends a server no more events (an embedded Hazelcast member that merged back into the cluster
 * after a split has lost its listeners); only a write of one's own that comes back through the
 * feed tells. At each check the watch thread ({@link StoreWatch}) writes one key of this server's
 * to the denials' cache, a new number each time, and looks whether the oldest beat not yet heard
 * came back within the grace: two check intervals and at least {@value #MIN_GRACE_SECONDS}
 * seconds, so that a feed merely slowed down (a loaded machine, a collector's pause) is not taken
 * for a broken one: connecting anew starts a new member, which costs more than a late event.
 *
 * <p>The key starts with {@value #PREFIX}: no key of the module's ({@link StoreKeys}, 16 base64url
 * characters) can. It never enters a mirror: the feed and the mirror's load skip every heartbeat
 * ({@link #is}), so no read takes one for a denial and none is counted. One key per server,
 * overwritten at each check; its own expiry is ten check intervals; the server removes it at close
 * and, after a crash, the next server to load its mirror past that expiry ({@link StoreMirror#load}).
 *
 * <pre>{@code
 * if (heartbeat.missed(connection)) { ... reconnect ... } else { heartbeat.beat(connection); }
 * }</pre>
 */
final class StoreHeartbeat {

    /** What every server's heartbeat key starts with. */
    static final String PREFIX = "authvital.store.heartbeat.";
    /** Its own expiry, in check intervals: past it, another server may remove it. */
    private static final int LIFETIME_IN_CHECKS = 10;
    /** The least time a beat may take to come back before the feed is taken for broken. */
    static final long MIN_GRACE_SECONDS = 10;

    private final String key = PREFIX + UUID.randomUUID();
    private final Clock clock;
    private final Duration lifetime;
    private final long graceNanos;
    // The watch thread's only.
    private JCacheEngine.Connection beating; // the connection the beat below was written to
    private long count; // the last number written, on any connection: increasing for the store's life
    private long pending; // the oldest beat written to beating and not yet heard; 0 for none
    private long pendingSince; // System.nanoTime() when it was written

    StoreHeartbeat(Clock clock, Duration checkInterval) {
        this.clock = clock;
        this.lifetime = checkInterval.multipliedBy(LIFETIME_IN_CHECKS);
        this.graceNanos = Math.max(checkInterval.multipliedBy(2).toNanos(), TimeUnit.SECONDS.toNanos(MIN_GRACE_SECONDS));
    }

    /** Whether a key of the denials' cache is a server's heartbeat, never a denial. */
    static boolean is(String key) {
        return key.startsWith(PREFIX);
    }

    /** This server's key. */
    String key() {
        return key;
    }

    /**
     * Whether {@code connection}'s feed has not brought back a beat written to it longer than the
     * grace ago. Measured on the monotonic clock: the store's clock dates entries, not waits.
     */
    boolean missed(JCacheEngine.Connection connection) {
        if (connection != beating) {
            beating = connection;
            pending = 0;
        }
        if (pending > 0 && connection.feed().heard() >= pending) {
            pending = 0; // heard: the next beat is the one to wait for
        }
        return pending > 0 && System.nanoTime() - pendingSince > graceNanos;
    }

    /** Writes the next beat to {@code connection}'s denials; throws what the engine throws. */
    void beat(JCacheEngine.Connection connection) {
        long next = count + 1;
        connection.cache(Region.DENIALS).put(key, StoredValue.encode(Long.toString(next),
                clock.millis() + lifetime.toMillis()));
        count = next;
        if (pending == 0) {
            pending = next;
            pendingSince = System.nanoTime();
        }
    }

    /** Forgets the beats written so far: events may be lost while the engine cannot be reached. */
    void reset() {
        beating = null;
    }

    /** Removes this server's key, at close; whatever a broken engine throws is let go. */
    void remove(JCacheEngine.Connection connection) {
        try {
            connection.cache(Region.DENIALS).remove(key);
        } catch (RuntimeException e) {
            // Gone with the engine, or taken away by the next server that loads past its expiry.
        }
    }

    /** The number a beat carries, from its raw value in the cache; 0 for a value no heartbeat wrote. */
    static long number(String raw) {
        InMemoryStore.Entry entry = StoredValue.decode(raw);
        try {
            return entry == null ? 0 : Long.parseLong(entry.value());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
