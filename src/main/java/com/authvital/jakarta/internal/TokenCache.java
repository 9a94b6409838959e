package com.authvital.jakarta.internal;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validated tokens by the whole token (never a prefix: two tokens may share one), so that the
 * next request with the same token costs a lookup instead of an RSA verification. An entry never
 * outlives its token's {@code exp}; failures are never cached. Bounded: when full, expired entries
 * go first, then arbitrary ones.
 *
 * <p>Keys compare the whole token but hash only its end, the signature: every request brings a
 * new string of about a kilobyte, and a lookup must not cost a pass over all of it
 * (docs/performance.md has the figures).
 */
final class TokenCache {

    /** A token as a map key: equal when the whole token is, hashed on its last characters. */
    private record Key(String token, int hash) {
        private static final int HASHED = 32;

        static Key of(String token) {
            int from = Math.max(0, token.length() - HASHED);
            int hash = token.length();
            for (int i = from; i < token.length(); i++) {
                hash = 31 * hash + token.charAt(i);
            }
            return new Key(token, hash);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.token.equals(token);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Key[hash=" + hash + "]"; // never the token
        }
    }

    private final int maxSize;
    private final ConcurrentHashMap<Key, ValidatedToken> entries = new ConcurrentHashMap<>();

    TokenCache(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The validated token, if it is known and has not expired at {@code now}. */
    ValidatedToken get(String token, long now) {
        Key key = Key.of(token);
        ValidatedToken known = entries.get(key);
        if (known == null) {
            return null;
        }
        if (now >= known.expiresAt()) {
            entries.remove(key, known);
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
        entries.put(Key.of(token.token()), token);
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now >= entry.expiresAt());
        if (entries.size() < maxSize) {
            return;
        }
        // Still full of live tokens: drop a tenth at once, so that this is not done on every put.
        long target = Math.min(maxSize - 1L, maxSize * 9L / 10);
        Iterator<Key> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    int size() {
        return entries.size();
    }
}
