package com.authvital.jakarta.internal.store;

import java.util.Map;

/**
 * What a readiness check and the gauges show of the store, read from this server's memory: never
 * a call to the engine.
 *
 * @param shared        whether the servers share it ({@code authvital.store=jcache}); false in memory
 * @param reachable     whether the engine can be reached now (AV1501 until AV1502)
 * @param pendingWrites writes kept in memory while the engine cannot be reached
 * @param mirrorSizes   entries this server holds in memory, by region id: the mirror of a shared
 *                      store (live or expired and not yet swept), every region of a store in memory
 */
public record StoreStatus(boolean shared, boolean reachable, int pendingWrites, Map<String, Integer> mirrorSizes) {

    public StoreStatus {
        mirrorSizes = Map.copyOf(mirrorSizes);
    }

    /** The entries held, every region together. */
    public int mirrorSize() {
        return mirrorSizes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
