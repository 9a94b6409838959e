package com.authvital.bench;

/**
 * A prototype, for the benchmark only, of a token-cache key that is the whole token (equality
 * compares every character, so no two tokens share an entry) but hashes only its last 32
 * characters, which are the end of the signature: unique per token and cheap to hash, where
 * {@code String.hashCode} on JDK 17 walks a 1 KB token at a few cycles per character.
 */
final class TailHashedKey {

    private static final int HASHED = 32;

    private final String token;
    private final int hash;

    TailHashedKey(String token) {
        this.token = token;
        int h = 0;
        for (int i = Math.max(0, token.length() - HASHED); i < token.length(); i++) {
            h = 31 * h + token.charAt(i);
        }
        this.hash = h;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TailHashedKey key && key.hash == hash && key.token.equals(token);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
