package com.authvital.jakarta.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes a revocation bite at once on this server: the IdP cannot say that an access token's
 * session was revoked (its tokens carry no session id, its introspection ignores revocation), but
 * the module knows which access tokens it issued for which session, and which sessions one
 * device's refreshes chained together. After a logout, a revocation, "sign out other devices" or
 * "log out everywhere", the affected access tokens are refused until they would have expired.
 *
 * <p>A device's sessions form a chain: the session of its sign-in, then each refresh's new one.
 * Denying a session denies its chain, so the access tokens of its earlier sessions go too.
 * In memory, bounded; everything expires with what it protects.
 */
final class Revocations {

    /** How long a denial is kept: longer than any access token lives. */
    static final Duration DENIAL_LIFETIME = Duration.ofHours(25);
    /** How long the chain of a session is remembered: a refresh token's lifetime and a day. */
    static final Duration CHAIN_LIFETIME = Duration.ofDays(8);
    private static final int MAX = 100_000;

    /**
     * The chains of each access token the module issued, by the token. Usually one: but access
     * tokens carry no session id, so two sign-ins of one user within a second get the same token.
     */
    private final Cache<String, Set<String>> issued = cache(DENIAL_LIFETIME);
    /** The chain of each session the module saw, by session id. */
    private final Cache<String, String> chains = cache(CHAIN_LIFETIME);
    private final Cache<String, Boolean> deniedChains = cache(DENIAL_LIFETIME);
    private final Cache<String, Boolean> deniedTokens = cache(DENIAL_LIFETIME);
    /** Per user: tokens issued before this epoch second are refused. */
    private final Cache<String, Long> deniedBefore = cache(DENIAL_LIFETIME);

    private static <V> Cache<String, V> cache(Duration lifetime) {
        return Caffeine.newBuilder().maximumSize(MAX).expireAfterWrite(lifetime).executor(Runnable::run).build();
    }

    /** A sign-in gave {@code accessToken} for the new session {@code sessionId}: a new chain. */
    void signedIn(String accessToken, String sessionId) {
        chains.put(sessionId, sessionId);
        issue(accessToken, sessionId);
    }

    /** A refresh replaced {@code oldId} with {@code newId} and gave {@code accessToken}: the same chain. */
    void refreshed(String oldId, String newId, String accessToken) {
        String chain = chainOf(oldId);
        chains.put(newId, chain);
        issue(accessToken, chain);
    }

    private void issue(String accessToken, String chain) {
        issued.asMap().merge(accessToken, Set.of(chain), (known, more) -> {
            Set<String> all = new HashSet<>(known);
            all.addAll(more);
            return Set.copyOf(all);
        });
    }

    /** The session (and its chain) was revoked or logged out. */
    void denySession(String sessionId) {
        deniedChains.put(chainOf(sessionId), Boolean.TRUE);
    }

    /** Each of these sessions was revoked. */
    void denySessions(Collection<String> sessionIds) {
        sessionIds.forEach(this::denySession);
    }

    /** This access token is done with, whoever issued it (a logout's own token). */
    void denyToken(String accessToken) {
        deniedTokens.put(accessToken, Boolean.TRUE);
    }

    /** Every session of the user was revoked at {@code at}: every token issued before it, or in its second, goes. */
    void denyUser(String userId, Instant at) {
        deniedBefore.put(userId, at.getEpochSecond());
    }

    /** Whether a valid token was revoked here. Free while nothing was ever denied, one lookup after. */
    boolean refuses(ValidatedToken token) {
        if (deniedBefore.estimatedSize() > 0) {
            Long before = deniedBefore.getIfPresent(token.principal().getName());
            // The same second counts as before: iat has no finer grain, and a token of that second may precede it.
            if (before != null && token.principal().getIssuedAtTime() <= before) {
                return true;
            }
        }
        if (deniedChains.estimatedSize() > 0) {
            for (String chain : chainsOf(token)) {
                if (deniedChains.getIfPresent(chain) != null) {
                    return true; // a token shared by two sessions goes with either
                }
            }
        }
        return deniedTokens.estimatedSize() > 0 && deniedTokens.getIfPresent(token.token()) != null;
    }

    /** The chains of a token the module issued; empty for one it did not (or not yet) record. */
    private Set<String> chainsOf(ValidatedToken token) {
        Set<String> chains = issued.getIfPresent(token.token());
        return chains == null ? Set.of() : chains;
    }

    /** Whether this session's chain was denied here: its refresh token must not be used either. */
    boolean deniesSession(String sessionId) {
        return deniedChains.estimatedSize() > 0 && deniedChains.getIfPresent(chainOf(sessionId)) != null;
    }

    private String chainOf(String sessionId) {
        String chain = chains.getIfPresent(sessionId);
        return chain == null ? sessionId : chain;
    }
}
