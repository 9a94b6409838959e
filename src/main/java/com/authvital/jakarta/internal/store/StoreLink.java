package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.IdpUnavailableException;
import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether the engine of {@link JCacheStore} can be reached, under one lock with all that depends
 * on it: the writes kept while it cannot ({@link KeptWrites}) and the answers they give meanwhile,
 * the last connection made, and whether the store is closed. A request keeps a write only while no
 * connection is in use, and the watch thread puts one in use only once no write is kept, both
 * under the lock: no write can slip in between and be lost. Logs {@code AV1501} (or {@code AV1512})
 * once per outage, {@code AV1502} and {@code AV1504}.
 */
final class StoreLink {

    /** The store's own logger: its lines keep one name, whichever part of it logs them. */
    private static final System.Logger LOG = System.getLogger(JCacheStore.class.getName());

    private final String description;
    private final String policy;
    private final Clock clock;
    /** The other regions' writes made while the engine cannot be reached: their answers meanwhile. */
    private final InMemoryStore overlay;
    private final Object lock = new Object();
    private final KeptWrites kept = new KeptWrites(); // guarded by lock
    private long unreachableSince; // guarded by lock: clock millis
    private JCacheEngine.Connection current; // guarded by lock: the last connection made, reachable or not
    private boolean closed; // guarded by lock
    /** The connection while the engine can be reached; null while it cannot: the one field every request reads. */
    private volatile JCacheEngine.Connection connected;

    /**
     * A link in use from the start, or with {@code first} null (the engine could not start)
     * unreachable from now on.
     */
    StoreLink(String description, StoreSettings.WhenUnreachable whenUnreachable, Clock clock,
              JCacheEngine.Connection first, int maxEntries) {
        this.description = description;
        // What AV1501 says requests that change something get, from authvital.store.unreachable.
        this.policy = whenUnreachable == StoreSettings.WhenUnreachable.REFUSE ? "refused with 503" : "let through";
        this.clock = clock;
        this.overlay = new InMemoryStore("this server's writes while the shared cache is out", clock, maxEntries);
        this.current = first;
        this.connected = first;
        this.unreachableSince = first == null ? clock.millis() : 0;
    }

    /** The connection requests use; null while the engine cannot be reached. */
    JCacheEngine.Connection connected() {
        return connected;
    }

    /** What this server wrote to a region (not mirrored) while the engine could not be reached. */
    Optional<String> get(Region region, String key) {
        return overlay.get(region, key);
    }

    /** Whether a region (not mirrored) is known to be empty: only while unreachable, with nothing written to it. */
    boolean isEmpty(Region region) {
        return connected == null && overlay.isEmpty(region);
    }

    /**
     * Decides a write in memory and keeps it, while the engine cannot be reached: whether it changed
     * something; empty if the engine can be reached again, for the caller to write to it.
     */
    Optional<Boolean> keep(StoreWrite write, StoreMirror mirror) {
        synchronized (lock) {
            // Checked again under the lock: the watch thread makes the engine reachable under it,
            // after the last kept write, so no write can slip in between and be lost.
            if (connected != null) {
                return Optional.empty();
            }
            if (kept.isFull()) {
                // Nothing kept is dropped to make room: this change is refused instead (AV1504).
                kept.refuse();
                throw new IdpUnavailableException(503, null, List.of(), Messages.storeUnreachableRefused(), null);
            }
            boolean done = write.region().mirrored ? mirror.apply(write) : write.applyTo(overlay);
            if (done) {
                kept.add(write);
            }
            return Optional.of(done);
        }
    }

    /** A call to {@code connection} failed: from now on, memory answers (AV1501 once per outage). */
    void lost(JCacheEngine.Connection connection) {
        lost(connection, () -> Messages.storeUnreachable(description, policy));
    }

    /**
     * {@code connection} answers but its feed of events stopped ({@link StoreHeartbeat}): from now
     * on, memory answers, until a new connection is in use (AV1512, unless already lost).
     */
    void feedLost(JCacheEngine.Connection connection) {
        lost(connection, () -> Messages.storeFeedStopped(description, policy));
    }

    private void lost(JCacheEngine.Connection connection, Supplier<String> message) {
        synchronized (lock) {
            if (connected != connection || connection == null) {
                return; // already known, or a connection let go of since
            }
            connected = null;
            unreachableSince = clock.millis();
            kept.newOutage();
        }
        LOG.log(Level.WARNING, message);
    }

    /** Whether the store is closed: the watch thread connects no more. */
    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** The last connection made, reachable or not; null for none. */
    JCacheEngine.Connection current() {
        synchronized (lock) {
            return current;
        }
    }

    /** Lets go of the last connection made, if it is {@code connection}: the next retry connects anew. */
    void forget(JCacheEngine.Connection connection) {
        synchronized (lock) {
            if (current == connection) {
                current = null;
            }
        }
    }

    /** Makes {@code connection} the last one made, unless the store was closed meanwhile; whether it did. */
    boolean adopt(JCacheEngine.Connection connection) {
        synchronized (lock) {
            if (!closed) {
                current = connection;
            }
            return !closed;
        }
    }

    /** How many writes are kept for the engine now. */
    int pendingWrites() {
        synchronized (lock) {
            return kept.size();
        }
    }

    /** The oldest write kept; null for none. */
    StoreWrite firstKept() {
        synchronized (lock) {
            return kept.first();
        }
    }

    /** Lets go of a kept write, written to the engine. */
    void written(StoreWrite write) {
        synchronized (lock) {
            kept.removeIfFirst(write);
        }
    }

    /**
     * Puts {@code connection} in use if no write is kept any more (AV1502, with the count of kept
     * writes {@code written} to it); whether it did (or the store is closed: nothing to do).
     */
    boolean reachableAgain(JCacheEngine.Connection connection, int written) {
        long seconds;
        int newlyRefused;
        synchronized (lock) {
            if (closed) {
                return true;
            }
            if (!kept.isEmpty()) {
                return false;
            }
            overlay.close(); // empties it: the engine holds all it held
            connected = connection;
            seconds = (clock.millis() - unreachableSince) / 1000;
            newlyRefused = kept.unloggedRefusals();
        }
        logRefused(newlyRefused);
        LOG.log(Level.INFO, () -> Messages.storeReachableAgain(description, seconds, written));
        return true;
    }

    /** AV1504 when more writes were refused since it last told: at most once per retry interval. */
    void logRefused() {
        int count;
        synchronized (lock) {
            count = kept.unloggedRefusals();
        }
        logRefused(count);
    }

    /** AV1504 for {@code count} refused writes, if any. */
    private static void logRefused(int count) {
        if (count > 0) {
            LOG.log(Level.ERROR, () -> Messages.storeWritesRefused(count, KeptWrites.MAX));
        }
    }

    /** Closes it: no request reaches the engine any more; whether it was open. */
    boolean close() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            connected = null;
            return true;
        }
    }

    /**
     * The last connection made, for close to let go of once the watch thread stopped; null for
     * none. What was kept is lost with the server's memory.
     */
    JCacheEngine.Connection release() {
        JCacheEngine.Connection last;
        synchronized (lock) {
            last = current;
            current = null;
        }
        overlay.close();
        return last;
    }
}
