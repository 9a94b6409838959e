package com.authvital.jakarta.internal.store;

import java.time.Clock;

/**
 * A value as {@link JCacheStore} keeps it in a cache: {@code <epoch millis>:<value>}, its own
 * expiry first. Every server compares that expiry with its own clock, so that an entry is never
 * answered after it, whatever the engine does; the engine's expiry only frees the memory.
 *
 * <pre>{@code
 * String raw = StoredValue.encode("revoked", expiresAt); // "1893456000000:revoked"
 * InMemoryStore.Entry entry = StoredValue.decode(raw);   // the value and its expiry again
 * }</pre>
 */
final class StoredValue {

    private StoredValue() {
    }

    /** A value as the cache holds it: its expiry first, then the value as it is. */
    static String encode(String value, long expiresAt) {
        return value == null ? null : expiresAt + ":" + value;
    }

    /** A raw value of the cache; null for none, or for one {@link JCacheStore} did not write. */
    static InMemoryStore.Entry decode(String raw) {
        int colon = raw == null ? -1 : raw.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            return new InMemoryStore.Entry(raw.substring(colon + 1), Long.parseLong(raw, 0, colon, 10));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether an entry is there and not past its own expiry, on {@code clock}. */
    static boolean live(InMemoryStore.Entry entry, Clock clock) {
        return entry != null && entry.expiresAt() > clock.millis();
    }
}
