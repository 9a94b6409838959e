package com.authvital.jakarta.internal.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import java.util.concurrent.TimeUnit;

/**
 * Validated tokens by the whole token (never a prefix: two tokens may share one), so that the
 * next request with the same token costs a lookup instead of an RSA verification. A Caffeine
 * cache, bounded by its size: when more tokens come than it holds, its admission policy keeps the
 * ones that come back. An entry never outlives its token's {@code exp}; failures are never cached.
 *
 * <p>What this class adds to Caffeine: keys compare the whole token but hash only its end, the
 * signature (every request brings a new string of about a kilobyte, and a lookup must not cost a
 * pass over all of it), and a lookup checks {@code exp} against the validator's clock itself.
 * Maintenance runs on the calling thread, not on a pool shared with the rest of the server.
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

    private final Cache<Key, ValidatedToken> entries;
    private final Policy.VarExpiration<Key, ValidatedToken> lifetimes;

    /** @param maxSize how many tokens it holds at most; 0 for none */
    TokenCache(int maxSize) {
        this.entries = maxSize == 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new Expiry<Key, ValidatedToken>() {
                    @Override
                    public long expireAfterCreate(Key key, ValidatedToken value, long currentTime) {
                        return Long.MAX_VALUE; // put gives each entry its own lifetime
                    }

                    @Override
                    public long expireAfterUpdate(Key key, ValidatedToken value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }

                    @Override
                    public long expireAfterRead(Key key, ValidatedToken value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .executor(Runnable::run)
                .build();
        this.lifetimes = entries == null ? null : entries.policy().expireVariably().orElseThrow();
    }

    /** The validated token, if it is known and has not expired at {@code now}. */
    ValidatedToken get(String token, long now) {
        if (entries == null) {
            return null;
        }
        Key key = Key.of(token);
        ValidatedToken known = entries.getIfPresent(key);
        if (known == null) {
            return null;
        }
        if (now >= known.expiresAt()) {
            entries.asMap().remove(key, known);
            return null;
        }
        return known;
    }

    void put(ValidatedToken token, long now) {
        if (entries == null || now >= token.expiresAt()) {
            return;
        }
        lifetimes.put(Key.of(token.token()), token, token.expiresAt() - now, TimeUnit.MILLISECONDS);
    }

    /** How many entries it holds now, after pending evictions. */
    int size() {
        if (entries == null) {
            return 0;
        }
        entries.cleanUp();
        return (int) entries.estimatedSize();
    }
}
