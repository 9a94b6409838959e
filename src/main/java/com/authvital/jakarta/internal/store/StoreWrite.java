package com.authvital.jakarta.internal.store;

import com.authvital.jakarta.internal.store.SessionStore.Region;
import java.time.Clock;
import java.time.Instant;
import javax.cache.Cache;

/**
 * A write of {@link JCacheStore}: applied to the engine's cache while it can be reached, else
 * decided in memory and kept until it can ({@link KeptWrites}), then applied to the cache.
 *
 * <pre>{@code
 * StoreWrite write = new StoreWrite(StoreWrite.Kind.PUT_IF_ABSENT, Region.CLAIMS, key, null, server, until);
 * boolean mine = write.applyTo(cache, clock); // atomic across the servers
 * }</pre>
 *
 * @param kind      which of the store's writes it is
 * @param region    the region written to
 * @param key       the entry's key
 * @param expected  what a {@code REPLACE} replaces; null for the other kinds
 * @param value     null for a {@code REMOVE}
 * @param expiresAt epoch milliseconds; 0 for a {@code REMOVE}
 */
record StoreWrite(Kind kind, Region region, String key, String expected, String value, long expiresAt) {

    /** What a write does, as the {@link SessionStore} method of the same name. */
    enum Kind { PUT, PUT_IF_ABSENT, REPLACE, REMOVE }

    /** How often a conditional write is tried again while other servers change the same entry. */
    private static final int CONDITIONAL_ATTEMPTS = 5;

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

    /**
     * Applies it to the engine's cache, its expiry in the value ({@link StoredValue}), the entries'
     * expiries compared with {@code clock}; whether it changed something. The conditional kinds are
     * atomic across the servers: the engine's {@code putIfAbsent}, or its {@code replace} of an
     * entry past its own expiry; the engine's {@code replace} of the very entry that held
     * {@code expected}.
     */
    boolean applyTo(Cache<String, String> cache, Clock clock) {
        String mine = StoredValue.encode(value, expiresAt);
        switch (kind) {
            case PUT -> {
                cache.put(key, mine);
                return true;
            }
            case REMOVE -> {
                cache.remove(key);
                return true;
            }
            case PUT_IF_ABSENT -> {
                for (int attempt = 0; attempt < CONDITIONAL_ATTEMPTS; attempt++) {
                    if (cache.putIfAbsent(key, mine)) {
                        return true;
                    }
                    String known = cache.get(key);
                    if (known != null) {
                        if (StoredValue.live(StoredValue.decode(known), clock)) {
                            return false;
                        }
                        // Present but past its own expiry: take its place, unless another server just did.
                        if (cache.replace(key, known, mine)) {
                            return true;
                        }
                    }
                }
                return false; // others keep changing it: one of them has it
            }
            case REPLACE -> {
                for (int attempt = 0; attempt < CONDITIONAL_ATTEMPTS; attempt++) {
                    String known = cache.get(key);
                    InMemoryStore.Entry entry = StoredValue.decode(known);
                    if (!StoredValue.live(entry, clock) || !entry.value().equals(expected)) {
                        return false;
                    }
                    // Atomic on the raw strings: the same value with another expiry written meanwhile
                    // makes it fail, and the loop looks again.
                    if (cache.replace(key, known, mine)) {
                        return true;
                    }
                }
                return false;
            }
            default -> throw new IllegalStateException(kind.name());
        }
    }
}
