package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.internal.config.StoreSettings;
import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The watch thread of {@link JCacheStore} ({@code authvital-store-watch}): it checks the engine
 * every check interval, by writing this server's heartbeat ({@link StoreHeartbeat}) and, while it
 * cannot be reached, asks the provider again every retry interval (for an embedded Hazelcast, a
 * new member that rejoins the cluster); then it reloads the mirror, writes the kept writes and
 * makes the store reachable again. An engine that answers but whose feed of events stopped (the
 * heartbeat did not come back) is let go of at once and connected to anew: new listeners, the
 * mirror reloaded. No request waits for it.
 *
 * <pre>{@code
 * StoreWatch watch = new StoreWatch(settings, engine, mirror, heartbeat, link, clock);
 * watch.start();
 * watch.stop(); // at close, before the last connection is let go of
 * }</pre>
 */
final class StoreWatch {

    /** The store's own logger: its lines keep one name, whichever part of it logs them. */
    private static final System.Logger LOG = System.getLogger(JCacheStore.class.getName());

    /** What the watch thread asks the engine about: nothing is ever stored under it. */
    private static final String PROBE_KEY = "authvital.store.probe";

    /** How long {@link #stop()} waits for the thread (it may be starting a member). */
    private static final long STOP_WAIT_SECONDS = 30;

    private final StoreSettings settings;
    private final JCacheEngine engine;
    private final StoreMirror mirror;
    private final StoreHeartbeat heartbeat;
    private final StoreLink link;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private int replayed; // this thread only: kept writes written to the engine in this outage

    StoreWatch(StoreSettings settings, JCacheEngine engine, StoreMirror mirror, StoreHeartbeat heartbeat,
               StoreLink link, Clock clock) {
        this.settings = settings;
        this.engine = engine;
        this.mirror = mirror;
        this.heartbeat = heartbeat;
        this.link = link;
        this.clock = clock;
        this.thread = new Thread(this::watch, "authvital-store-watch");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the thread, and waits for it a while: it may be connecting. */
    void stop() {
        stopped.countDown();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks the engine every check interval; while it cannot be reached, reconnects every retry interval. */
    private void watch() {
        while (true) {
            JCacheEngine.Connection connection = link.connected();
            try {
                if (stopped.await((connection != null ? settings.checkInterval() : settings.retryInterval()).toMillis(),
                        TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (connection != null) {
                    check(connection);
                } else {
                    heartbeat.reset();
                    reconnect();
                }
            } catch (RuntimeException e) {
                // The loop must outlive anything an engine throws: next round, it tries again.
                cannotConnect(e);
            }
        }
    }

    /**
     * Whether the connection's feed still brings this server's heartbeats back, then the next one:
     * a write that crosses to the engine, whose failure makes the store unreachable. A feed that
     * stopped makes it unreachable too, and the connection is let go of at once: the same one would
     * bring no event again.
     */
    private void check(JCacheEngine.Connection connection) {
        if (heartbeat.missed(connection)) {
            link.feedLost(connection);
            engine.retire(connection);
            link.forget(connection);
            reconnect(); // not after a retry interval: the engine answers, only the listeners are gone
            return;
        }
        try {
            heartbeat.beat(connection);
        } catch (RuntimeException e) {
            link.lost(connection);
        }
    }

    /**
     * The same connection if it answers again, else a new one; then the kept writes, in order,
     * and the store reachable again. A failure leaves it unreachable until the next retry.
     */
    private void reconnect() {
        if (link.closed()) {
            return;
        }
        JCacheEngine.Connection connection = link.current();
        if (connection != null) {
            try {
                connection.cache(Region.DENIALS).containsKey(PROBE_KEY);
                mirror.load(connection);
            } catch (RuntimeException stillBroken) {
                engine.retire(connection);
                link.forget(connection); // let go of once: the next retry connects anew
                connection = null;
            }
        }
        if (connection == null) {
            try {
                connection = engine.connect(mirror);
            } catch (RuntimeException e) {
                cannotConnect(e);
                link.logRefused();
                return;
            }
        }
        if (!link.adopt(connection)) {
            engine.retire(connection); // close() let go of what it knew; this one came after
            return;
        }
        replay(connection);
    }

    /** Writes the kept writes to the engine, oldest first; once none is left, makes it reachable. */
    private void replay(JCacheEngine.Connection connection) {
        while (true) {
            StoreWrite next = link.firstKept();
            if (next == null && link.reachableAgain(connection, replayed)) {
                replayed = 0;
                return;
            }
            if (next == null) {
                continue; // a request kept one more meanwhile
            }
            // Outside the lock: requests go on keeping their writes, behind this one.
            try {
                if (!next.applyTo(connection.cache(next.region()), clock) && next.region().mirrored) {
                    // Decided otherwise in the cluster meanwhile: the mirror takes the cluster's answer.
                    mirror.takeTheirs(connection, next.region(), next.key());
                }
            } catch (RuntimeException e) {
                cannotConnect(e);
                link.logRefused();
                return; // the rest waits for the next retry
            }
            link.written(next);
            replayed++;
        }
    }

    /** AV1505 at DEBUG: the engine failed again, and the next retry tries again. */
    private void cannotConnect(RuntimeException e) {
        LOG.log(Level.DEBUG, () -> Messages.storeCannotStart(engine.describe(), JCacheEngine.reason(e)));
    }
}
