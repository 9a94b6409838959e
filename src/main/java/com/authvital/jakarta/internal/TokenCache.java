package com.authvital.jakarta.internal;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validated tokens by the whole token (never a prefix: two tokens may share one), so that the
 * next request with the same token costs a lookup instead of an RSA verification. An entry never
 * outlives its token's {@code exp}; failures are never cached. Bounded: when full, expired entries
 * go first, then arbitrary ones.
 */
final class TokenCache {

    private final int maxSize;
    private final ConcurrentHashMap<String, ValidatedToken> entries = new ConcurrentHashMap<>();

    TokenCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The validated token, if it is known and has not expired at {@code now}. */
    ValidatedToken get(String token, long now) {
        ValidatedToken known = entries.get(token);
        if (known == null) {
            return null;
        }
        if (now >= known.expiresAt()) {
            entries.remove(token, known);
            return null;
        }
        return known;
    }

    void put(ValidatedToken token, long now) {
        if (maxSize == 0 || now >= token.expiresAt()) {
            return;
        }
        if (entries.size() >= maxSize) {
            makeRoom(now);
        }
        entries.put(token.token(), token);
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAt());
        if (entries.size() < maxSize) {
            return;
        }
        // Still full of live tokens: drop a tenth at once, so that this is not done on every put.
        long target = Math.min(maxSize - 1L, maxSize * 9L / 10);
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    int size() {
        return entries.size();
    }
}
