package com.authvital.jakarta.internal.session;

import com.authvital.jakarta.internal.message.Messages;
import com.authvital.jakarta.internal.store.InMemoryStore;
import com.authvital.jakarta.internal.store.SessionStore;
import com.authvital.jakarta.internal.store.StoreKeys;
import com.authvital.jakarta.internal.telemetry.Telemetry;
import com.authvital.jakarta.internal.token.RevocationList;
import com.authvital.jakarta.internal.token.TokenKeys;
import com.authvital.jakarta.internal.token.ValidatedToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a revocation bite at once, on every server of the application: the IdP cannot say that
 * an access token's session was revoked (its tokens carry no session id, its introspection
 * ignores revocation), but the module knows which access tokens it issued for which session, and
 * which sessions one device's refreshes chained together. After a logout, a revocation, "sign out
 * other devices", "log out everywhere" or the reuse of a spent refresh token, the affected access
 * tokens are refused until they would have expired.
 *
 * <p>A device's sessions form a chain, named by a number: the sign-in's session, then each
 * refresh's new one. Each entry lives as long as what it protects, and no longer:
 * <ul>
 * <li>the chain of the current session, until its refresh token expires; the chain of a spent
 *     one is its spent mark's ({@code SPENT}), until the spent token would have expired;</li>
 * <li>the chain's access tokens (their hashes), until the last of them expires;</li>
 * <li>a denied token until its {@code exp} and the clock skew; a denied chain until its refresh
 *     tokens would have expired; a user's "log out everywhere" as long as the longest access
 *     token seen lives.</li>
 * </ul>
 * The per-request check is one lookup of the token's hash (and one of its user) in the
 * {@link SessionStore}'s denials, which every server answers from its own memory. Keys are
 * {@link StoreKeys}: nothing stored names a token or a session in the clear.
 */
public final class Revocations implements RevocationList {

    /** How long a chain denial lasts, and a chain is known when its refresh token's expiry is not: a refresh token's lifetime and a day. */
    static final Duration CHAIN_LIFETIME = Duration.ofDays(8);
    /** How long an access token lives at least, as far as a user's "log out everywhere" goes: the IdP's default. */
    static final Duration SHORTEST_TOKEN_LIFETIME = Duration.ofHours(1);
    /** How many times adding a token to a chain is tried again when another server changed it meanwhile. */
    private static final int ATTEMPTS = 20;

    /** What a spent mark says. */
    enum Spent {
        /** Spent before a call whose answer may have been lost: its successor is unknown. */
        PENDING,
        /** Exchanged for a successor that was handed out: presented again after the grace, a theft. */
        ROTATED
    }

    /** A spent mark: how the token was spent, and its chain. */
    record SpentMark(Spent how, String chain) {
    }

    private final Telemetry telemetry;
    private final SessionStore store;
    private final AccessMarks access;
    private final Clock clock;
    /** How long after its {@code exp} the validator still accepts a token: its denial lasts that much longer. */
    private final Duration skew;
    /** The longest lifetime of an access token validated here, in seconds. */
    private final AtomicLong longestToken = new AtomicLong(SHORTEST_TOKEN_LIFETIME.toSeconds());
    /**
     * How far the IdP's clock is ahead of this server's, in seconds, from none to the skew, as the
     * last token fresh from the IdP showed; the skew itself until one did.
     */
    private volatile long idpAhead;
    /** When {@link #idpAhead} was last seen, epoch seconds. */
    private volatile long idpAheadSeen;
    /** How long the largest sample of the IdP's clock is kept. */
    private static final Duration IDP_CLOCK_MEMORY = Duration.ofMinutes(10);

    /** The revocations of one server, in its memory. */
    public Revocations() {
        this(new InMemoryStore(), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    /** @param skew the validator's clock skew ({@code authvital.clock-skew}) */
    public Revocations(SessionStore store, Clock clock, Duration skew) {
        this(store, clock, skew, Telemetry.NONE);
    }

    /** @param telemetry where each revocation is counted by kind ({@code authvital.revocations}) */
    public Revocations(SessionStore store, Clock clock, Duration skew, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.store = store;
        this.clock = clock;
        this.skew = skew;
        this.idpAhead = skew.toSeconds();
        this.access = new AccessMarks(store, clock, skew, longestToken::get);
    }

    private static String sessionKey(String sessionId) {
        return StoreKeys.of("s", sessionId);
    }

    /** The chain a session is the first of, when nothing else is known of it: a number from its id. */
    static String ownChain(String sessionId) {
        String key = StoreKeys.of("chain", sessionId);
        long[] bits = StoreKeys.decode(key);
        return Long.toString(bits[0] & Long.MAX_VALUE);
    }

    /** The chain of a session: recorded while it is current, in its spent mark after; else its own. */
    String chainOf(String sessionId) {
        String key = sessionKey(sessionId);
        return store.get(SessionStore.Region.CHAINS, key)
                .or(() -> store.get(SessionStore.Region.SPENT, key).map(mark -> mark.startsWith("-") ? mark.substring(1) : mark))
                .orElseGet(() -> ownChain(sessionId));
    }

    /**
     * A sign-in gave {@code accessToken}, valid until {@code expiresAt} and issued at the IdP's
     * {@code issuedAt} (epoch seconds), for the new session {@code sessionId}: a new chain.
     */
    public void signedIn(String sessionId, String accessToken, Instant expiresAt, long issuedAt) {
        sawIdpClock(issuedAt);
        String chain = ownChain(sessionId); // the first session of a chain needs no record
        String hash = TokenKeys.hash(accessToken);
        issue(chain, hash, expiresAt);
        denyIfCrossed(chain, sessionId, hash, expiresAt);
    }

    /**
     * A refresh replaced {@code oldId} with {@code newId}, whose refresh token expires at
     * {@code newExpiresAt}, and gave {@code accessToken}: the same chain. The old session's chain
     * is its spent mark's from now on.
     */
    void refreshed(String oldId, String newId, Instant newExpiresAt, String accessToken, Instant expiresAt,
                   long issuedAt) {
        sawIdpClock(issuedAt);
        String chain = chainOf(oldId);
        store.put(SessionStore.Region.CHAINS, sessionKey(newId), chain, newExpiresAt.plus(skew));
        store.remove(SessionStore.Region.CHAINS, sessionKey(oldId));
        String hash = TokenKeys.hash(accessToken);
        issue(chain, hash, expiresAt);
        denyIfCrossed(chain, newId, hash, expiresAt);
    }

    /**
     * The IdP's clock, from the {@code iat} of a token it just issued ({@code issuedAt} 0 when
     * unknown). A token's trip here and {@code iat}'s whole seconds make the IdP look earlier than
     * it is, by up to a second and the trip: a second is added, and the largest of the last ten
     * minutes kept. Never taken as behind this server's (the same second counts as before a
     * revocation), nor as further ahead than the skew.
     */
    private void sawIdpClock(long issuedAt) {
        if (issuedAt > 0) {
            long now = clock.instant().getEpochSecond();
            long ahead = Math.max(0, Math.min(skew.toSeconds(), issuedAt - now + 1));
            if (ahead >= idpAhead || now - idpAheadSeen > IDP_CLOCK_MEMORY.toSeconds()) {
                idpAhead = ahead;
                idpAheadSeen = now;
            }
        }
    }

    /**
     * The refresh token of {@code sessionId}, which expires at {@code expiresAt}, is about to be
     * presented to the IdP: from now on it is spent, its successor not yet known.
     */
    void spending(String sessionId, Instant expiresAt) {
        store.put(SessionStore.Region.SPENT, sessionKey(sessionId), "-" + chainOf(sessionId), expiresAt.plus(skew));
    }

    /** The IdP rotated the refresh token of {@code sessionId} and its successor was handed out. */
    void rotated(String sessionId, Instant expiresAt) {
        store.put(SessionStore.Region.SPENT, sessionKey(sessionId), chainOf(sessionId), expiresAt.plus(skew));
    }

    /** The IdP surely did not rotate the token: it may be presented again. */
    void unspent(String sessionId) {
        store.remove(SessionStore.Region.SPENT, sessionKey(sessionId));
    }

    /** The spent mark of a session's refresh token, if it was spent. */
    Optional<SpentMark> spent(String sessionId) {
        return store.get(SessionStore.Region.SPENT, sessionKey(sessionId)).map(mark -> mark.startsWith("-")
                ? new SpentMark(Spent.PENDING, mark.substring(1)) : new SpentMark(Spent.ROTATED, mark));
    }

    /**
     * A token added to a chain that a revocation on another server reached meanwhile goes too.
     * Looked up after the token was added, in the engine itself (not the per-request copy, which
     * events feed a moment later): either the revocation's read of the chain's tokens saw this
     * one, or this read sees the revocation. Also by the new session's own chain: a "sign out
     * other devices" may have listed and revoked it before its chain was recorded.
     */
    private void denyIfCrossed(String chain, String sessionId, String hash, Instant expiresAt) {
        String own = ownChain(sessionId);
        if (store.get(SessionStore.Region.CHAINS, deniedKey(chain)).isPresent()
                || !own.equals(chain) && store.get(SessionStore.Region.CHAINS, deniedKey(own)).isPresent()) {
            deny(hash, expiresAt);
        }
    }

    private static String deniedKey(String chain) {
        return StoreKeys.of("denied", chain);
    }

    private static String denialKey(String chain) {
        return StoreKeys.of("c", chain);
    }

    private static String tokensKey(String chain) {
        return StoreKeys.of("tokens", chain);
    }

    /** Adds a token to its chain's list, which other servers may be changing at the same moment. */
    private void issue(String chain, String hash, Instant expiresAt) {
        String key = tokensKey(chain);
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<String> known = store.get(SessionStore.Region.CHAINS, key);
            Map<String, Long> tokens = known.map(this::tokens).orElseGet(LinkedHashMap::new);
            tokens.put(hash, expiresAt.getEpochSecond());
            String next = format(tokens);
            // The list lives as long as its last token could still be accepted.
            Instant until = Instant.ofEpochSecond(tokens.values().stream().mapToLong(Long::longValue).max().orElse(0))
                    .plus(skew);
            if (known.isEmpty() ? store.putIfAbsent(SessionStore.Region.CHAINS, key, next, until)
                    : store.replace(SessionStore.Region.CHAINS, key, known.get(), next, until)) {
                return;
            }
        }
        // Twenty servers changing one chain at once does not happen: a device refreshes on one.
        throw new IllegalStateException("the token list of a session chain kept changing; it was not recorded");
    }

    /** The tokens of a chain's list that may still be accepted: hash to expiry (epoch seconds). */
    private Map<String, Long> tokens(String list) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        long now = clock.instant().minus(skew).getEpochSecond();
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
    public void denySession(String sessionId) {
        telemetry.revocation("session");
        String chain = chainOf(sessionId);
        denyChain(chain);
        String own = ownChain(sessionId);
        if (!own.equals(chain)) {
            store.put(SessionStore.Region.CHAINS, deniedKey(own), "1", clock.instant().plus(CHAIN_LIFETIME));
        }
    }

    /** A whole chain goes: the access tokens it has so far, its current refresh token and its successors. */
    void denyChain(String chain) {
        Instant until = clock.instant().plus(CHAIN_LIFETIME);
        // First where a refresh on another server looks after adding its token (denyIfCrossed),
        // then for the per-request check; then the tokens the chain has so far.
        store.put(SessionStore.Region.CHAINS, deniedKey(chain), "1", until);
        store.put(SessionStore.Region.DENIALS, denialKey(chain), "1", until);
        store.get(SessionStore.Region.CHAINS, tokensKey(chain)).map(this::tokens).orElse(Map.of())
                .forEach((hash, expiresAt) -> deny(hash, Instant.ofEpochSecond(expiresAt)));
    }

    /** Each of these sessions was revoked. */
    void denySessions(Collection<String> sessionIds) {
        sessionIds.forEach(this::denySession);
    }

    /** This valid access token is done with, whoever issued it (a logout's own token). */
    void denyToken(ValidatedToken token) {
        telemetry.revocation("token");
        deny(token.hash(), Instant.ofEpochMilli(token.expiresAt()));
    }

    /** Refused until the validator would refuse it anyway: its {@code exp} and the clock skew. */
    private void deny(String hash, Instant expiresAt) {
        store.put(SessionStore.Region.DENIALS, hash, "1", expiresAt.plus(skew));
    }

    /** A token validated here: the longest lifetime seen sets how long a "log out everywhere" lasts. */
    @Override
    public void seen(ValidatedToken token) {
        long issuedAt = token.principal().getIssuedAtTime();
        if (issuedAt > 0) {
            long lifetime = token.expiresAt() / 1000 - issuedAt;
            longestToken.accumulateAndGet(lifetime, Math::max);
        }
    }

    /**
     * Every session of the user was revoked at {@code at}: every token issued before it, or in its
     * second, goes, for as long as the longest access token seen lives. Never moves back in time:
     * an earlier revocation arriving late keeps the later.
     */
    void denyUser(String userId, Instant at) {
        telemetry.revocation("user");
        String key = TokenKeys.userKey(userId);
        String second = String.valueOf(at.getEpochSecond());
        Instant until = at.plusSeconds(longestToken.get()).plus(skew).plus(skew);
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

    /**
     * Whether a valid token was revoked here or its user's access changed at AuthVital. Free while
     * nothing was ever denied and no event taken; a few lookups in memory after.
     */
    @Override
    public boolean refuses(ValidatedToken token) {
        return denied(token) || access.standing(token) != AccessMarks.Standing.ACCEPTED;
    }

    @Override
    public String refusal(ValidatedToken token) {
        if (denied(token)) {
            return Messages.tokenRevokedHere();
        }
        return switch (access.standing(token)) {
            case LOST -> Messages.accessLostAtIdp();
            case STALE -> Messages.tokenStaleRoles();
            case ACCEPTED -> null;
        };
    }

    /** What AuthVital's events said of users' access. */
    public AccessMarks access() {
        return access;
    }

    private boolean denied(ValidatedToken token) {
        if (store.isEmpty(SessionStore.Region.DENIALS)) {
            return false;
        }
        Optional<String> before = store.get(SessionStore.Region.DENIALS, token.userKey());
        // The IdP's iat against the cut-off on the IdP's clock (within the skew); the same second
        // counts as before: iat has no finer grain, and a token of that second may precede it.
        if (before.isPresent() && token.principal().getIssuedAtTime() <= Long.parseLong(before.get()) + idpAhead) {
            return true;
        }
        return store.get(SessionStore.Region.DENIALS, token.hash()).isPresent();
    }

    /** Whether this session's chain was denied: its refresh token must not be used either. */
    public boolean deniesSession(String sessionId) {
        return !store.isEmpty(SessionStore.Region.DENIALS)
                && (store.get(SessionStore.Region.DENIALS, denialKey(chainOf(sessionId))).isPresent()
                || store.get(SessionStore.Region.DENIALS, denialKey(ownChain(sessionId))).isPresent());
    }
}
