package com.authvital.jakarta.internal.store;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The writes of {@link JCacheStore} made while its engine cannot be reached, oldest first, kept
 * for the watch thread to write to the engine once it can; at most {@value #MAX}: past it a write
 * is refused (the request gets 503), never one kept dropped, and counted for {@code AV1504}. Not
 * thread-safe: {@link StoreLink} guards it with the lock under which the engine is made reachable
 * again.
 *
 * <pre>{@code
 * kept.add(write);                 // a request, the engine unreachable
 * StoreWrite next = kept.first();  // the watch thread, once it reconnected
 * kept.removeIfFirst(next);        // written to the engine
 * }</pre>
 */
final class KeptWrites {

    /** How many writes are kept while the engine cannot be reached: past that, writes are refused. */
    public static final int MAX = 100_000;

    private final Deque<StoreWrite> writes = new ArrayDeque<>();
    private int refused; // writes refused in this outage
    private int refusedLogged; // of which AV1504 already told

    /** Whether no more write can be kept: the next is refused. */
    boolean isFull() {
        return writes.size() >= MAX;
    }

    /** A write refused for want of room. */
    void refuse() {
        refused++;
    }

    /** Keeps a write made while the engine cannot be reached; the caller checked {@link #isFull()}. */
    void add(StoreWrite write) {
        writes.addLast(write);
    }

    /** The oldest write kept; null for none. */
    StoreWrite first() {
        return writes.peekFirst();
    }

    /** Lets go of a write written to the engine. */
    void removeIfFirst(StoreWrite write) {
        if (writes.peekFirst() == write) {
            writes.removeFirst();
        }
    }

    /** How many writes wait for the engine. */
    int size() {
        return writes.size();
    }

    /** Whether no write waits for the engine. */
    boolean isEmpty() {
        return writes.isEmpty();
    }

    /** A new outage begins: none of its writes refused yet. */
    void newOutage() {
        refused = 0;
        refusedLogged = 0;
    }

    /** The writes refused in this outage if some were refused since AV1504 last told, else 0. */
    int unloggedRefusals() {
        if (refused == refusedLogged) {
            return 0;
        }
        refusedLogged = refused;
        return refused;
    }
}
