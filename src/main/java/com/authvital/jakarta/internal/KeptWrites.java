package com.authvital.jakarta.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The writes of {@link JCacheStore} made while its engine cannot be reached, oldest first, kept
 * for the watch thread to write to the engine once it can; at most {@value #MAX}, the oldest
 * dropped past it, and counted for {@code AV1504}. Not thread-safe: {@link StoreLink} guards it
 * with the lock under which the engine is made reachable again.
 *
 * <pre>{@code
 * kept.add(write);                 // a request, the engine unreachable
 * StoreWrite next = kept.first();  // the watch thread, once it reconnected
 * kept.removeIfFirst(next);        // written to the engine
 * }</pre>
 */
final class KeptWrites {

    /** How many writes are kept while the engine cannot be reached: past that, the oldest go. */
    static final int MAX = 100_000;

    private final Deque<StoreWrite> writes = new ArrayDeque<>();
    private int dropped; // kept writes dropped in this outage
    private int droppedLogged; // of which AV1504 already told

    /** Keeps a write made while the engine cannot be reached; past the bound, the oldest goes. */
    void add(StoreWrite write) {
        writes.addLast(write);
        if (writes.size() > MAX) {
            writes.removeFirst();
            dropped++;
        }
    }

    /** The oldest write kept; null for none. */
    StoreWrite first() {
        return writes.peekFirst();
    }

    /** Lets go of a write written to the engine, unless the bound dropped it meanwhile. */
    void removeIfFirst(StoreWrite write) {
        if (writes.peekFirst() == write) {
            writes.removeFirst();
        }
    }

    /** Whether no write waits for the engine. */
    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** A new outage begins: none of its writes dropped yet. */
    void newOutage() {
        dropped = 0;
        droppedLogged = 0;
    }

    /** The writes dropped in this outage if some were dropped since AV1504 last told, else 0. */
    int unloggedDrops() {
        if (dropped == droppedLogged) {
            return 0;
        }
        droppedLogged = dropped;
        return dropped;
    }
}
