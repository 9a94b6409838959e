package com.authvital.jakarta.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Makes a revocation bite at once, on every server of the application: the IdP cannot say that
 * an access token's session was revoked (its tokens carry no session id, its introspection
 * ignores revocation), but the module knows which access tokens it issued for which session, and
 * which sessions one device's refreshes chained together. After a logout, a revocation, "sign out
 * other devices" or "log out everywhere", the affected access tokens are refused until they would
 * have expired.
 *
 * <p>A device's sessions form a chain: the session of its sign-in, then each refresh's new one.
 * The chain knows the hashes of the access tokens issued for it; denying a session denies each of
 * them, so that the per-request check is one lookup of the token's hash (and one of its user's
 * "log out everywhere") in the {@link SessionStore}'s denials, which every server answers from its
 * own memory. Everything expires with what it protects. Tokens are named by their SHA-256 only.
 */
final class Revocations {

    /** How long a user's "log out everywhere" is kept: longer than any access token lives. */
    static final Duration USER_DENIAL_LIFETIME = Duration.ofHours(25);
    /** How long the chain of a session is remembered, and a denied chain refused: a refresh token's lifetime and a day. */
    static final Duration CHAIN_LIFETIME = Duration.ofDays(8);
    /** How many times adding a token to a chain is tried again when another server changed it meanwhile. */
    private static final int ATTEMPTS = 20;

    private final SessionStore store;
    private final Clock clock;
    /** How long after its {@code exp} the validator still accepts a token: its denial lasts that much longer. */
    private final Duration skew;

    /** The revocations of one server, in its memory. */
    Revocations() {
        this(new InMemoryStore(), Clock.systemUTC(), Duration.ofMinutes(10));
    }

    /** @param skew the validator's clock skew ({@code authvital.clock-skew}) */
    Revocations(SessionStore store, Clock clock, Duration skew) {
        this.store = store;
        this.clock = clock;
        this.skew = skew;
    }

    /** The token's SHA-256, base64url: how revocations and the shared store name a token. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e); // every JVM has it
        }
    }

    /** A sign-in gave {@code accessToken}, valid until {@code expiresAt}, for the new session {@code sessionId}: a new chain. */
    void signedIn(String sessionId, String accessToken, Instant expiresAt) {
        store.put(SessionStore.Region.CHAINS, "s:" + sessionId, sessionId, clock.instant().plus(CHAIN_LIFETIME));
        String hash = hash(accessToken);
        issue(sessionId, hash, expiresAt);
        denyIfCrossed(sessionId, sessionId, hash, expiresAt);
    }

    /** A refresh replaced {@code oldId} with {@code newId} and gave {@code accessToken}: the same chain. */
    void refreshed(String oldId, String newId, String accessToken, Instant expiresAt) {
        String chain = chainOf(oldId);
        store.put(SessionStore.Region.CHAINS, "s:" + newId, chain, clock.instant().plus(CHAIN_LIFETIME));
        String hash = hash(accessToken);
        issue(chain, hash, expiresAt);
        denyIfCrossed(chain, newId, hash, expiresAt);
    }

    /**
     * A token added to a chain that a revocation on another server reached meanwhile goes too.
     * Looked up after the token was added, in the engine itself (not the per-request copy, which
     * events feed a moment later): either the revocation's read of the chain's tokens saw this
     * one, or this read sees the revocation. Also by the new session's own id: a "sign out other
     * devices" may have listed and revoked it before its chain was recorded.
     */
    private void denyIfCrossed(String chain, String sessionId, String hash, Instant expiresAt) {
        if (store.get(SessionStore.Region.CHAINS, "denied:" + chain).isPresent()
                || store.get(SessionStore.Region.CHAINS, "denied:" + sessionId).isPresent()) {
            deny(hash, expiresAt);
        }
    }

    /** Adds a token to its chain's list, which other servers may be changing at the same moment. */
    private void issue(String chain, String hash, Instant expiresAt) {
        String key = "t:" + chain;
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> known = store.get(SessionStore.Region.CHAINS, key);
            Map<String, Long> tokens = known.map(this::tokens).orElseGet(LinkedHashMap::new);
            tokens.put(hash, expiresAt.getEpochSecond());
            String next = format(tokens);
            Instant until = Instant.ofEpochSecond(tokens.values().stream().mapToLong(Long::longValue).max().orElse(0));
            if (known.isEmpty() ? store.putIfAbsent(SessionStore.Region.CHAINS, key, next, until)
                    : store.replace(SessionStore.Region.CHAINS, key, known.get(), next, until)) {
                return;
            }
        }
        // Twenty servers changing one chain at once does not happen: a device refreshes on one.
        throw new IllegalStateException("the token list of a session chain kept changing; it was not recorded");
    }

    /** The unexpired tokens of a chain's list: hash to expiry (epoch seconds). */
    private Map<String, Long> tokens(String list) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        long now = clock.instant().getEpochSecond();
        for (String item : list.split(",")) {
            int at = item.indexOf('@');
            if (at > 0) {
                long expiresAt = Long.parseLong(item.substring(at + 1));
                if (expiresAt > now) {
                    tokens.put(item.substring(0, at), expiresAt);
                }
            }
        }
        return tokens;
    }

    private static String format(Map<String, Long> tokens) {
        StringBuilder list = new StringBuilder();
        tokens.forEach((hash, expiresAt) -> list.append(list.isEmpty() ? "" : ",").append(hash).append('@').append(expiresAt));
        return list.toString();
    }

    /** The session (and its chain) was revoked or logged out: its access tokens, its refresh token and its successors go. */
    void denySession(String sessionId) {
        String chain = chainOf(sessionId);
        Instant until = clock.instant().plus(CHAIN_LIFETIME);
        // First where a refresh on another server looks after adding its token (denyIfCrossed),
        // then for the per-request check; then the tokens the chain has so far.
        store.put(SessionStore.Region.CHAINS, "denied:" + chain, "1", until);
        if (!chain.equals(sessionId)) {
            store.put(SessionStore.Region.CHAINS, "denied:" + sessionId, "1", until);
        }
        store.put(SessionStore.Region.DENIALS, "c:" + chain, "1", until);
        store.get(SessionStore.Region.CHAINS, "t:" + chain).map(this::tokens).orElse(Map.of())
                .forEach((hash, expiresAt) -> deny(hash, Instant.ofEpochSecond(expiresAt)));
    }

    /** Each of these sessions was revoked. */
    void denySessions(Collection<String> sessionIds) {
        sessionIds.forEach(this::denySession);
    }

    /**
     * This access token is done with, whoever issued it (a logout's own token), until
     * {@code expiresAt}; when its expiry is unknown, for as long as any token lives.
     */
    void denyToken(String accessToken, Optional<Instant> expiresAt) {
        deny(hash(accessToken), expiresAt.orElseGet(() -> clock.instant().plus(USER_DENIAL_LIFETIME)));
    }

    /** Refused until the validator would refuse it anyway: its {@code exp} and the clock skew. */
    private void deny(String hash, Instant expiresAt) {
        store.put(SessionStore.Region.DENIALS, "t:" + hash, "1", expiresAt.plus(skew));
    }

    /**
     * Every session of the user was revoked at {@code at}: every token issued before it, or in its
     * second, goes. Never moves back in time: an earlier revocation arriving late keeps the later.
     */
    void denyUser(String userId, Instant at) {
        String key = "u:" + userId;
        String second = String.valueOf(at.getEpochSecond());
        Instant until = at.plus(USER_DENIAL_LIFETIME);
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> known = store.get(SessionStore.Region.DENIALS, key);
            if (known.isPresent() && Long.parseLong(known.get()) >= at.getEpochSecond()) {
                return;
            }
            if (known.isEmpty() ? store.putIfAbsent(SessionStore.Region.DENIALS, key, second, until)
                    : store.replace(SessionStore.Region.DENIALS, key, known.get(), second, until)) {
                return;
            }
        }
        store.put(SessionStore.Region.DENIALS, key, second, until); // the latest revocation wins at worst
    }

    /** Whether a valid token was revoked. Free while nothing was ever denied, two lookups in memory after. */
    boolean refuses(ValidatedToken token) {
        if (store.isEmpty(SessionStore.Region.DENIALS)) {
            return false;
        }
        Optional<String> before = store.get(SessionStore.Region.DENIALS, "u:" + token.principal().getName());
        // The same second counts as before: iat has no finer grain, and a token of that second may precede it.
        if (before.isPresent() && token.principal().getIssuedAtTime() <= Long.parseLong(before.get())) {
            return true;
        }
        return store.get(SessionStore.Region.DENIALS, "t:" + token.hash()).isPresent();
    }

    /** Whether this session's chain was denied: its refresh token must not be used either. */
    boolean deniesSession(String sessionId) {
        return !store.isEmpty(SessionStore.Region.DENIALS)
                && (store.get(SessionStore.Region.DENIALS, "c:" + chainOf(sessionId)).isPresent()
                || store.get(SessionStore.Region.DENIALS, "c:" + sessionId).isPresent());
    }

    private String chainOf(String sessionId) {
        return store.get(SessionStore.Region.CHAINS, "s:" + sessionId).orElse(sessionId);
    }
}
